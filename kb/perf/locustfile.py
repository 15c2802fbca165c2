"""The visitors of ``manage.py loadtest``, for Locust (run by that command, not imported).

Anonymous readers, each request chosen at random with the weights below from the
addresses ``kb.perf.load`` found in the database (``KB_LOADTEST_PLAN`` names the JSON
file). No visitor waits between requests: the figure measured is what the server
sustains, not what a number of humans would ask of it.
"""

import json
import os
import random

from locust import FastHttpUser, constant, task

with open(os.environ["KB_LOADTEST_PLAN"], encoding="utf-8") as plan_file:
    PLAN: dict[str, list[str]] = json.load(plan_file)


def _pick(kind: str) -> str:
    return random.choice(PLAN[kind])


class Reader(FastHttpUser):
    wait_time = constant(0)

    @task(3)
    def profile(self):
        self.client.get(_pick("profiles"), name="page: profile")

    @task(2)
    def browse(self):
        self.client.get(_pick("lists"), name="page: list")

    @task(2)
    def search(self):
        self.client.get(_pick("searches"), name="page: search")

    @task(3)
    def api(self):
        self.client.get(_pick("api"), name="api: read")
