"""Score the engine against gold attributions (JSON Lines, one article a line).

Gold format: ``{"id", "text", "quotes": [{"start", "end", "text", "kind", "speaker",
"speaker_start", "speaker_end", "cue", ...}], "title", "publication_date"}``.

The metric is word overlap, so that annotators' habits about including quote marks or
a trailing comma do not decide a match: a gold row is *found* when one prediction covers
at least 80% of its words, and a prediction is *correct* when at least 80% of its words
lie inside some gold content span. The speaker of a found row is right when the predicted
mention overlaps the gold source span, or when the names share a capitalised word.
Recall is counted per gold kind, precision per predicted kind.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

import click

from quotedb.model import Article, ArticleMeta

_WORD = re.compile(r"[A-Za-z0-9\u00C0-\u024F]+(?:['\u2019][A-Za-z]+)?")

# With --speech only gold rows cued by speaking or reporting count for recall; the
# annotators also mark beliefs, wishes and nominalisations ("accounts of", "wants").
_SPEECH_FORMS = {
    "say": "say says said saying", "tell": "tell tells told telling",
    "add": "add adds added adding", "write": "write writes wrote written writing",
    "ask": "ask asks asked asking", "note": "note notes noted noting",
    "report": "report reports reported reporting", "announce": "announce announces announced",
    "suggest": "suggest suggests suggested", "tweet": "tweet tweets tweeted tweeting",
    "argue": "argue argues argued arguing", "explain": "explain explains explained explaining",
    "state": "state states stated", "claim": "claim claims claimed",
    "insist": "insist insists insisted", "warn": "warn warns warned warning",
    "call": "call calls called calling", "urge": "urge urges urged urging",
    "according": "according", "continue": "continue continued continues",
    "declare": "declare declared declares", "stress": "stress stressed stresses",
    "point": "point pointed points", "acknowledge": "acknowledge acknowledged",
    "admit": "admit admitted admits", "describe": "describe described",
    "accuse": "accuse accused", "criticise": "criticize criticized criticise criticised",
    "deny": "deny denied denies", "reply": "reply replied", "respond": "respond responded",
    "agree": "agree agreed", "predict": "predict predicted", "confirm": "confirm confirmed",
    "recall": "recall recalled", "promise": "promise promised", "vow": "vow vowed",
    "joke": "joke joked", "complain": "complain complained",
    "emphasise": "emphasize emphasized emphasise emphasised", "remark": "remark remarked",
    "observe": "observe observed", "assert": "assert asserted",
    "maintain": "maintain maintained", "contend": "contend contended",
}
SPEECH_CUE_WORDS: frozenset[str] = frozenset(w for forms in _SPEECH_FORMS.values() for w in forms.split())

# A gold speaker that is one of these can only be matched by offsets, never by name.
_PRONOUNS = frozenset("he she they it we i who you him her them his its their which that".split())
# Capitalised words too common in names of office to tell two speakers apart.
_NOT_NAMES = frozenset("the mr mrs ms dr president sen gov rep".split())

KINDS = ("direct", "mixed", "indirect")


@dataclass
class Tally:
    """Counts behind one row of the table."""

    gold: int = 0
    found: int = 0
    pred: int = 0
    correct: int = 0
    speaker_gold: int = 0
    speaker_ok: int = 0

    @property
    def precision(self) -> float:
        return self.correct / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_ok / self.speaker_gold if self.speaker_gold else 0.0


@dataclass
class Score:
    """Per-kind tallies plus "all"; `unlocated` counts predictions not found in the text."""

    tallies: dict[str, Tally] = field(default_factory=lambda: {k: Tally() for k in (*KINDS, "all")})
    unlocated: int = 0

    def as_dict(self) -> dict:
        out: dict = {}
        for kind, t in self.tallies.items():
            out[kind] = {
                "P": round(t.precision, 3), "R": round(t.recall, 3), "F1": round(t.f1, 3),
                "speaker_acc": round(t.speaker_accuracy, 3), "gold": t.gold, "pred": t.pred,
            }
        out["unlocated_pred"] = self.unlocated
        return out

    def table(self) -> str:
        lines = []
        for kind in (*KINDS, "all"):
            t = self.tallies[kind]
            lines.append(
                f"{kind:9s} P={t.precision:.3f} R={t.recall:.3f} F1={t.f1:.3f} "
                f"speaker_acc={t.speaker_accuracy:.3f} gold={t.gold} pred={t.pred}"
            )
        lines.append(f"unlocated predictions: {self.unlocated}")
        return "\n".join(lines)


def _words(text: str, start: int, end: int) -> frozenset[tuple[int, int]]:
    """Word positions inside text[start:end]; a word is cut at the span's edges."""
    return frozenset((m.start() + start, m.end() + start) for m in _WORD.finditer(text[start:end]))


def _normal(s: str) -> str:
    return " ".join(_WORD.findall(s)).lower()


def _capitalised(s: str | None) -> set[str]:
    return {w.lower() for w in _WORD.findall(s or "") if len(w) > 1 and w[0].isupper()} - _NOT_NAMES


def _place(doc: str, pred: dict, seen: dict[str, int]) -> tuple[int, int] | None:
    """Offsets of a prediction: its own when they agree with its text, else where its text occurs."""
    s, e, t = pred.get("start"), pred.get("end"), pred.get("text")
    if isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(doc) and doc[s:e].strip():
        if not t or _normal(doc[s:e]) == _normal(t):
            return s, e
    t = (t or "").strip()
    if not t:
        return None
    i = doc.find(t, seen.get(t, 0))
    if i < 0:
        i = doc.find(t)
    if i >= 0:
        seen[t] = i + 1
        return i, i + len(t)
    m = re.search(r"\s+".join(map(re.escape, t.split())), doc)
    return (m.start(), m.end()) if m else None


def _speaker_right(gold: dict, pred: dict) -> bool:
    gs, ge = gold.get("speaker_start"), gold.get("speaker_end")
    ps, pe = pred.get("speaker_start"), pred.get("speaker_end")
    if gs is not None and isinstance(ps, int) and isinstance(pe, int) and ps < ge and gs < pe:
        return True
    name = gold.get("speaker") or ""
    if name.lower().strip() in _PRONOUNS:
        return False
    gold_caps = _capitalised(name)
    return bool(gold_caps & _capitalised(pred.get("speaker")) or gold_caps & _capitalised(pred.get("speaker_mention")))


def _is_speech(row: dict) -> bool:
    if "cue" not in row:
        return True
    cue = row.get("cue") or ""
    return cue.strip() == ":" or bool(SPEECH_CUE_WORDS & set(_WORD.findall(cue.lower())))


def _kind(pred: dict) -> str:
    k = pred.get("kind") or "all"
    return "mixed" if k == "partial" else k


def score_article(doc: str, gold_rows: list[dict], preds: list[dict], into: Score,
                  speech: bool = False, overlap: float = 0.8) -> None:
    """Add one article's counts to `into`."""
    seen: dict[str, int] = {}
    placed = []
    for p in preds:
        where = _place(doc, p, seen)
        if where is None:
            into.unlocated += 1
        placed.append((p, _words(doc, *where) if where else frozenset()))
    gold_words = [_words(doc, g["start"], g["end"]) for g in gold_rows]
    everything_gold = frozenset().union(*gold_words) if gold_words else frozenset()
    for g, gw in zip(gold_rows, gold_words):
        if not gw or (speech and not _is_speech(g)):
            continue
        best, best_pred = 0.0, None
        for p, pw in placed:
            if pw:
                share = len(gw & pw) / len(gw)
                if share > best:
                    best, best_pred = share, p
        hit = best >= overlap
        for kind in (g["kind"], "all"):
            t = into.tallies.setdefault(kind, Tally())
            t.gold += 1
            t.found += hit
            if hit and g.get("speaker"):
                t.speaker_gold += 1
                t.speaker_ok += _speaker_right(g, best_pred)
    for p, pw in placed:
        right = bool(pw) and len(pw & everything_gold) / len(pw) >= overlap
        for kind in {_kind(p), "all"}:
            t = into.tallies.setdefault(kind, Tally())
            t.pred += 1
            t.correct += right


def read_jsonl(path: str | Path) -> Iterator[dict]:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def gold_article(row: dict, origin: str = "gold") -> Article:
    """The gold row's text as an Article, with the metadata the gold file carries."""
    meta = ArticleMeta(title=row.get("title"), published=row.get("publication_date"), source=row.get("publisher"))
    return Article(text=row["text"], meta=meta, origin=origin, locator=row.get("id"))


def predict(article: Article) -> list[dict]:
    """The engine's quotes for one article in the scorer's prediction format.

    Unguarded: a rule that raises stops the evaluation with its traceback, instead of
    scoring the article as if the engine had found nothing in it."""
    from quotedb.extract import extract_unguarded

    out = []
    for q in extract_unguarded(article).quotes:
        m = q.speaker_mention
        out.append({
            "start": q.start, "end": q.end, "text": q.text, "kind": q.kind, "speaker": q.speaker,
            "speaker_start": m.start if m else None, "speaker_end": m.end if m else None,
            "speaker_mention": m.text if m else None, "rule": q.rule,
        })
    return out


def evaluate(gold_rows: Iterable[dict], speech: bool = False, overlap: float = 0.8,
             kinds: set[str] | None = None, predictions_out=None) -> Score:
    """Run the engine on every gold article and score it."""
    score = Score()
    for row in gold_rows:
        preds = predict(gold_article(row))
        if predictions_out is not None:
            predictions_out.write(json.dumps({"id": row.get("id"), "quotes": preds}, ensure_ascii=False) + "\n")
        if kinds:
            preds = [p for p in preds if _kind(p) in kinds]
        score_article(row["text"], row.get("quotes", []), preds, score, speech=speech, overlap=overlap)
    return score


@click.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--speech", is_flag=True, help="Count for recall only gold rows cued by a speech or report verb.")
@click.option("--overlap", default=0.8, show_default=True, help="Share of words that must match.")
@click.option("--kinds", default="", help="Comma list: score only predictions of these kinds.")
@click.option("--predictions-out", type=click.File("w", encoding="utf-8"), help="Also write predictions here.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def eval_command(gold: str, speech: bool, overlap: float, kinds: str, predictions_out, as_json: bool) -> None:
    """Score the extraction engine against GOLD (JSON Lines of annotated articles)."""
    try:
        score = evaluate(read_jsonl(gold), speech=speech, overlap=overlap,
                         kinds=set(filter(None, kinds.split(","))) or None, predictions_out=predictions_out)
    except (json.JSONDecodeError, KeyError, TypeError) as exc:
        raise click.ClickException(f"{gold}: not gold JSON Lines ({exc})") from exc
    click.echo(json.dumps(score.as_dict()) if as_json else score.table())
