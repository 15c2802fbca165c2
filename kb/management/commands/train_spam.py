"""Train the spam filter's shipped base model from the public corpora in the package."""

from pathlib import Path

from django.core.management.base import BaseCommand

from kb.spam import training


class Command(BaseCommand):
    help = (
        "Count the features of the training part of the public corpora "
        "(kb/spam/data, split as documented in kb/spam/training.py) and write the "
        "base model the filter ships with. Optionally write the split as CSV files."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", default=str(training.MODEL_FILE),
                            help="where to write the model (default: the packaged file)")
        parser.add_argument("--write-split", metavar="DIR",
                            help="also write the split as DIR/train.csv and DIR/held-out.csv "
                                 "(text,label,source), for spam_eval and the peer filters")

    def handle(self, *args, output, write_split, **options):
        train, held = training.split()
        counts = training.prune(training.train(train))
        training.save_model(counts, path=output, corpora=list(training.CORPORA),
                            held_out=f"YouTube video {training.HELD_OUT_VIDEO}; SMS 1 in 5 "
                            "by text hash")
        spam = sum(1 for _, is_spam, _ in train if is_spam)
        self.stdout.write(
            f"Trained on {len(train)} texts ({spam} spam, {len(train) - spam} ham): "
            f"{len(counts.features)} features written to {output}."
        )
        if write_split:
            folder = Path(write_split)
            folder.mkdir(parents=True, exist_ok=True)
            training.write_rows(folder / "train.csv", train)
            training.write_rows(folder / "held-out.csv", held)
            self.stdout.write(f"{len(train)} training and {len(held)} held-out rows written "
                              f"to {folder}.")
