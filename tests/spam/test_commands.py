"""train_spam, spam_eval and the documented split of the public corpora."""

import csv
import re

import pytest
from django.core.management import CommandError, call_command

from kb.spam import training

pytestmark = pytest.mark.django_db

SUMMARY = re.compile(
    r"^f1=\d\.\d{3} precision=\d\.\d{3} recall=\d\.\d{3} fpr=\d\.\d{3} "
    r"held_ham=\d\.\d{3} held_spam=\d\.\d{3} n=\d+$"
)
ROWS = [
    ("The Quetta hospital attack was in August 2016, see https://www.dawn.com/news/1", "ham"),
    ("Which source gives the death toll for the Sehwan shrine attack?", "ham"),
    ("Thanks for the careful sourcing on Balochistan.", "ham"),
    ("Buy cheap followers now https://bit.ly/x and https://followers.shop, "
     "WhatsApp +1 (415) 555-0143", "spam"),
    ("Este artigo irá ensinar-lhe como construir relações com os clientes, e expandir o "
     "seu público usando estratégias como o e-mail marketing.", "spam"),
]


def write(path, rows, header=("text", "label")):
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)
    return str(path)


def test_spam_eval_prints_a_table_and_ends_with_the_figures(tmp_path, capsys):
    call_command("spam_eval", write(tmp_path / "x.csv", ROWS),
                 predictions=str(tmp_path / "out.csv"))
    out = capsys.readouterr().out.rstrip("\n").split("\n")
    assert out[0].split() == ["outcome", "ham", "spam"]
    assert out[1].split()[0] == "published" and out[4].split() == ["total", "3", "2"]
    assert SUMMARY.match(out[-1]), out[-1]
    assert " fpr=0.000 held_ham=0.000 " in out[-1] and out[-1].endswith(" n=5")
    with open(tmp_path / "out.csv", encoding="utf-8") as fh:
        predictions = list(csv.DictReader(fh))
    assert [p["outcome"] for p in predictions[:3]] == ["publish"] * 3
    assert all(p["outcome"] != "publish" for p in predictions[3:])


def test_spam_eval_never_learns_from_the_file(tmp_path, capsys):
    path = write(tmp_path / "x.csv", ROWS)
    call_command("spam_eval", path)
    first = capsys.readouterr().out.split("\n")[-2]
    call_command("spam_eval", path)
    assert capsys.readouterr().out.split("\n")[-2] == first


def test_spam_eval_compares_naive_bayes(tmp_path, capsys):
    call_command("spam_eval", write(tmp_path / "x.csv", ROWS), combiner="nb")
    assert SUMMARY.match(capsys.readouterr().out.rstrip("\n").split("\n")[-1])


@pytest.mark.parametrize(("rows", "header", "message"), [
    ([("a", "maybe")], ("text", "label"), "label must be spam or ham"),
    ([("a",)], ("body",), "needs the columns text and label"),
    ([], ("text", "label"), "no rows"),
])
def test_spam_eval_refuses_bad_files(tmp_path, rows, header, message):
    with pytest.raises(CommandError, match=message):
        call_command("spam_eval", write(tmp_path / "x.csv", rows, header))


def test_labels_may_be_numbers(tmp_path):
    rows = training.read_labelled(write(tmp_path / "x.csv", [("a", "1"), ("b", "0")]))
    assert [is_spam for _, is_spam, _ in rows] == [True, False]


def test_the_split_keeps_held_out_texts_out_of_training():
    train, held = training.split()
    trained = {text.lower() for text, _, _ in train}
    assert not any(text.lower() in trained for text, _, _ in held)
    assert {row.get("video") for _, _, row in held} >= {"Shakira"}
    assert "Shakira" not in {row.get("video") for _, _, row in train}


def test_train_spam_reproduces_the_shipped_model(tmp_path, capsys):
    out = tmp_path / "model.json.gz"
    call_command("train_spam", output=str(out), write_split=str(tmp_path / "split"))
    assert out.read_bytes() == training.MODEL_FILE.read_bytes()
    assert "held-out rows written" in capsys.readouterr().out
    assert len(training.read_labelled(tmp_path / "split" / "held-out.csv")) == len(
        training.split()[1])


def test_spam_eval_can_first_teach_moderators_decisions(tmp_path, capsys):
    text = "Visit the best dentist in Lahore for whitening, book a seat this week friends."
    lessons = write(tmp_path / "lessons.csv", [(text, "spam")])
    target = write(tmp_path / "x.csv", [(text.replace("Lahore", "Karachi"), "spam")])
    call_command("spam_eval", target)
    before = capsys.readouterr().out.rstrip("\n").split("\n")[-1]
    call_command("spam_eval", target, taught=lessons)
    after = capsys.readouterr().out.rstrip("\n").split("\n")[-1]
    assert "recall=0.000" in before and "held_spam=0.000" in before
    assert "recall=1.000" in after or "held_spam=1.000" in after
