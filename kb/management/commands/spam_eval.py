"""Measure the spam filter on a labelled CSV, as a fresh installation would judge it."""

import csv
import math
import statistics
import time
from collections import Counter
from dataclasses import replace

from django.core.management.base import BaseCommand, CommandError

from kb.spam import features, pipeline, store, training
from kb.spam.classifier import Classifier, Counts
from kb.spam.lessons import LessonIndex
from kb.spam.pipeline import Outcome

ROWS = (("published", Outcome.PUBLISH), ("held", Outcome.HOLD), ("spam", Outcome.SPAM))


def metrics(results) -> dict:
    """Figures of ``(is_spam, outcome)`` pairs; "spam" means filed as spam."""
    tab = Counter(results)
    ham = sum(v for (s, _), v in tab.items() if not s)
    spam = sum(v for (s, _), v in tab.items() if s)
    tp, fp = tab[(True, Outcome.SPAM)], tab[(False, Outcome.SPAM)]
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / spam if spam else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "f1": f1, "precision": precision, "recall": recall,
        "fpr": fp / ham if ham else 0.0,
        "held_ham": tab[(False, Outcome.HOLD)] / ham if ham else 0.0,
        "held_spam": tab[(True, Outcome.HOLD)] / spam if spam else 0.0,
        "n": ham + spam, "ham": ham, "spam": spam, "table": tab,
    }


def summary_line(m: dict) -> str:
    return (f"f1={m['f1']:.3f} precision={m['precision']:.3f} recall={m['recall']:.3f} "
            f"fpr={m['fpr']:.3f} held_ham={m['held_ham']:.3f} "
            f"held_spam={m['held_spam']:.3f} n={m['n']}")


class Command(BaseCommand):
    help = (
        "Judge every row of a CSV with columns text,label (spam or ham) as a fresh "
        "installation would: the shipped model plus this database's published text, "
        "none of the moderators' lessons, nothing learned from the file. Prints a table "
        "of outcomes and ends with one line of figures."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", metavar="FILE.csv", help="labelled CSV: columns text,label")
        parser.add_argument("--predictions", metavar="CSV",
                            help="write each row's outcome, score and reasons here")
        parser.add_argument("--taught", metavar="CSV",
                            help="first teach the filter, in memory only, the labelled rows "
                                 "of CSV as if moderators had judged them")
        parser.add_argument("--combiner", choices=["fisher", "nb"], default="fisher",
                            help="classifier combiner: Robinson-Fisher (the filter's) or "
                                 "naive Bayes, for comparison")

    def handle(self, *args, path: str, predictions, combiner, taught, **options):
        try:
            rows = training.read_labelled(path)
        except (OSError, ValueError) as exc:
            raise CommandError(str(exc)) from exc
        if not rows:
            raise CommandError(f"{path}: no rows")
        knowledge = store.fresh_knowledge()
        layers, lessons = list(knowledge.classifier.layers), None
        if taught:
            lessons, lesson_counts = LessonIndex(), Counts()
            weight = store.spam_settings()["LEARN_WEIGHT"]
            for key, (text, is_spam, _) in enumerate(training.read_labelled(taught)):
                label = "spam" if is_spam else "ham"
                lesson_counts.add(features.tokens(text), spam=is_spam, weight=weight)
                lessons.put(key, label, features.shingles(text))
            layers.append(lesson_counts)
        knowledge = replace(knowledge, lessons=lessons,
                            classifier=Classifier(layers, combiner=combiner))
        thresholds = store.thresholds()
        # The first decision compiles patterns and fills caches; time the steady state.
        pipeline.decide(pipeline.Submission(rows[0][0]), knowledge, thresholds)
        results, times, cpu_times, layers, out = [], [], [], Counter(), []
        for text, is_spam, _ in rows:
            started, started_cpu = time.perf_counter(), time.thread_time()
            decision = pipeline.decide(pipeline.Submission(text), knowledge, thresholds)
            cpu_times.append((time.thread_time() - started_cpu) * 1000)
            times.append((time.perf_counter() - started) * 1000)
            results.append((is_spam, decision.outcome))
            for layer in {s.layer for s in decision.signals if s.score > 0}:
                layers[(layer, is_spam)] += 1
            out.append((text, is_spam, decision))
        if predictions:
            self._write(predictions, out)
        self._report(metrics(results), layers, sorted(times), sorted(cpu_times))

    def _write(self, path, out):
        with open(path, "w", newline="", encoding="utf-8") as fh:
            writer = csv.writer(fh)
            writer.writerow(["text", "label", "outcome", "score", "reasons"])
            for text, is_spam, d in out:
                writer.writerow([text, "spam" if is_spam else "ham", d.outcome.value,
                                 f"{d.score:.2f}", " | ".join(d.reasons)])

    def _report(self, m, layers, times, cpu_times):
        w = self.stdout.write
        w(f"{'outcome':<12}{'ham':>8}{'spam':>8}")
        for label, outcome in ROWS:
            w(f"{label:<12}{m['table'][(False, outcome)]:>8}{m['table'][(True, outcome)]:>8}")
        w(f"{'total':<12}{m['ham']:>8}{m['spam']:>8}")
        w("")
        w("layers adding to the score (comments, ham / spam):")
        for layer in sorted({name for name, _ in layers}):
            w(f"  {layer:<16}{layers[(layer, False)]:>6} / {layers[(layer, True)]}")
        kept_off = 1 - m["table"][(True, Outcome.PUBLISH)] / m["spam"] if m["spam"] else 0.0
        w(f"spam kept off the page (filed or held): {kept_off:.3f}")
        # CPU time is what a decision costs; wall-clock time also counts the waits of a
        # busy machine, so both are shown.
        for label, sample in (("CPU", cpu_times), ("wall-clock", times)):
            p95 = sample[max(0, math.ceil(0.95 * len(sample)) - 1)]
            w(f"decision time ({label}): median {statistics.median(sample):.2f} ms, "
              f"p95 {p95:.2f} ms")
        w(summary_line(m))
