"""`quotedb eval`: word-overlap matching, speaker checks, per-kind figures, bad input."""

from __future__ import annotations

import json

from click.testing import CliRunner

from quotedb.cli import cli
from quotedb.evaluate import Score, score_article

DOC = 'Intro.\n\n"The dam will hold," said Tara Quinn, the chief engineer.\n\nShe added that repairs were cheap.'


def gold_row(fragment: str, kind: str, speaker: str, cue: str = "said", doc: str = DOC) -> dict:
    s = doc.index(fragment)
    sp = doc.index(speaker)
    return {"start": s, "end": s + len(fragment), "text": fragment, "kind": kind, "speaker": speaker,
            "speaker_start": sp, "speaker_end": sp + len(speaker), "cue": cue}


def pred(fragment: str, kind: str, speaker: str | None, mention: str | None = None, doc: str = DOC) -> dict:
    s = doc.index(fragment)
    ms = doc.index(mention) if mention else None
    return {"start": s, "end": s + len(fragment), "text": fragment, "kind": kind, "speaker": speaker,
            "speaker_start": ms, "speaker_end": ms + len(mention) if mention else None}


def scored(gold: list[dict], preds: list[dict], **kw) -> Score:
    score = Score()
    score_article(DOC, gold, preds, score, **kw)
    return score


def test_exact_match_counts_for_recall_and_precision():
    t = scored([gold_row('"The dam will hold,"', "direct", "Tara Quinn")],
               [pred('"The dam will hold,"', "direct", "Tara Quinn", "Tara Quinn")]).tallies["direct"]
    assert (t.recall, t.precision, t.speaker_accuracy) == (1.0, 1.0, 1.0)


def test_quote_marks_and_punctuation_do_not_decide_a_match():
    t = scored([gold_row('"The dam will hold,"', "direct", "Tara Quinn")],
               [pred("The dam will hold", "direct", "Tara Quinn")]).tallies["direct"]
    assert t.found == 1 and t.correct == 1


def test_covering_too_few_words_is_a_miss():
    t = scored([gold_row('"The dam will hold,"', "direct", "Tara Quinn")],
               [pred("The dam", "direct", "Tara Quinn")]).tallies["direct"]
    assert t.found == 0


def test_prediction_outside_any_gold_span_lowers_precision():
    t = scored([], [pred("Intro", "direct", None)]).tallies["direct"]
    assert (t.pred, t.correct) == (1, 0)


def test_speaker_right_by_overlapping_mention():
    g = gold_row("that repairs were cheap", "indirect", "She", cue="added")
    t = scored([g], [pred("that repairs were cheap", "indirect", "Tara Quinn", "She")]).tallies["indirect"]
    assert t.speaker_ok == 1


def test_pronoun_gold_needs_the_mention_not_the_name():
    g = gold_row("that repairs were cheap", "indirect", "She", cue="added")
    t = scored([g], [pred("that repairs were cheap", "indirect", "Tara Quinn", "Intro")]).tallies["indirect"]
    assert t.speaker_ok == 0


def test_speaker_right_by_a_shared_capitalised_word():
    g = gold_row('"The dam will hold,"', "direct", "Tara Quinn")
    t = scored([g], [pred('"The dam will hold,"', "direct", "Quinn")]).tallies["direct"]
    assert t.speaker_ok == 1


def test_speech_mode_skips_gold_rows_cued_by_belief():
    g = gold_row("that repairs were cheap", "indirect", "She", cue="believed")
    assert scored([g], [], speech=True).tallies["indirect"].gold == 0
    assert scored([g], [], speech=False).tallies["indirect"].gold == 1


def test_recall_is_per_gold_kind_and_precision_per_predicted_kind():
    g = gold_row('"The dam will hold,"', "direct", "Tara Quinn")
    s = scored([g], [pred('"The dam will hold,"', "mixed", "Tara Quinn")])
    assert s.tallies["direct"].found == 1
    assert s.tallies["mixed"].correct == 1 and s.tallies["direct"].pred == 0


def write_gold(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def test_eval_command_prints_a_table_and_writes_predictions(tmp_path):
    gold = tmp_path / "gold.jsonl"
    write_gold(gold, [{"id": "a1", "text": DOC, "title": None, "publication_date": "2024-01-02",
                       "quotes": [gold_row('"The dam will hold,"', "direct", "Tara Quinn")]}])
    out = tmp_path / "pred.jsonl"
    result = CliRunner().invoke(cli, ["eval", str(gold), "--predictions-out", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0].startswith("direct    P=1.000 R=1.000 F1=1.000 speaker_acc=1.000")
    (line,) = out.read_text(encoding="utf-8").splitlines()
    predicted = json.loads(line)
    assert predicted["id"] == "a1"
    assert {"start", "end", "text", "kind", "speaker", "speaker_start", "speaker_end"} <= set(predicted["quotes"][0])


def test_eval_command_json_output(tmp_path):
    gold = tmp_path / "gold.jsonl"
    write_gold(gold, [{"id": "a1", "text": DOC, "quotes": []}])
    result = CliRunner().invoke(cli, ["eval", str(gold), "--json"])
    assert result.exit_code == 0
    assert json.loads(result.output)["direct"]["gold"] == 0


def test_eval_command_rejects_a_file_that_is_not_gold(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text("this is not json\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", str(gold)])
    assert result.exit_code != 0
    assert "not gold JSON Lines" in result.output
