from django.core.validators import MaxValueValidator, MinValueValidator

LATITUDE = [
    MinValueValidator(-90, "Latitude must lie between -90 and 90."),
    MaxValueValidator(90, "Latitude must lie between -90 and 90."),
]
LONGITUDE = [
    MinValueValidator(-180, "Longitude must lie between -180 and 180."),
    MaxValueValidator(180, "Longitude must lie between -180 and 180."),
]
