"""A readable, terminal-friendly view of a Report (`dateline extract --format table`).

The view is as wide as the terminal (rich's Console width: the terminal's size, or $COLUMNS, 80 when neither
is known); cells wrap on words, and long evidence is shortened at a word boundary, never mid-word.
"""

from __future__ import annotations

import io
import textwrap

from rich.console import Console
from rich.markup import escape
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from dateline.model import Event, Report

EVIDENCE_CHARS = 240  # evidence cells longer than this are shortened at a word boundary


def terminal_width() -> int:
    """The width of the terminal dateline runs in, as rich measures it."""
    return Console().width


def render_report(report: Report, width: int | None = None) -> str:
    """The report as text `width` columns wide (default: the terminal's width)."""
    # Render into a buffer: the caller decides where the text goes (stdout or -o FILE), so it is written once.
    console = Console(file=io.StringIO(), record=True, width=width or terminal_width(), force_terminal=False)
    art = report.article
    # Article text may contain square brackets ("[Baghdad's]"), which rich would read as markup: escape it.
    console.print(f"[bold]{escape(art.title or art.id)}[/bold]")
    for label, value in (("subtitle", art.subtitle), ("publisher", art.publisher), ("published", art.published),
                         ("dateline", art.dateline_place), ("url", art.url)):
        if value:
            console.print(f"  {label}: {escape(str(value))}")
    for warning in report.warnings:
        console.print(f"  [yellow]warning: {escape(warning)}[/yellow]")
    _render_events(console, report)
    if report.rejected:
        rej = Table(title=f"rejected candidates ({len(report.rejected)})")
        for column in ("reason", "text"):
            rej.add_column(column, overflow="fold")
        for cand in report.rejected:
            _row(rej, cand.reason, _short(cand.span.text))
        console.print(rej)
    if report.quotes:
        quotes = Table(title=f"quotes ({len(report.quotes)})")
        for column in ("kind", "speaker", "quote"):
            quotes.add_column(column, overflow="fold")
        for q in report.quotes:
            _row(quotes, q.kind, q.speaker or "?", _short(q.span.text))
        console.print(quotes)
    if report.statements:
        st = Table(title=f"statements ({len(report.statements)})")
        for column in ("plover", "actor", "target", "evidence"):
            st.add_column(column, overflow="fold")
        for s in report.statements:
            _row(st, s.plover, s.actor or "", s.target or "", _short(s.evidence.text))
        console.print(st)
    _render_claims_and_profile(console, report)  # who says so (dateline.extraction.claims / .source)
    return console.export_text()


TABLE_MIN_WIDTH = 120  # narrower than this, nine columns fold words: events print as wrapped paragraphs


def _render_events(console: Console, report: Report) -> None:
    """Events as a table with each event's evidence wrapped beneath it (a sentence squeezed into a column
    beside eleven others was folded mid-word); on a narrow terminal, one wrapped paragraph per event."""
    if console.width < TABLE_MIN_WIDTH:
        console.print(f"[bold]{_events_title(report)}[/bold]")
        for ev in report.events:
            head = f"{ev.id}  {ev.event_date or 'no date'} (precision {ev.time_precision or '-'})  " \
                   f"{ev.sub_event_type or ev.event_type or ''}  in {_where(ev) or '?'}  p {_decision(ev)}"
            actors = " vs ".join(a for a in (ev.actor1, ev.actor2) if a)
            lines = [head, f"actors: {actors or '-'}; fatalities: {'-' if ev.fatalities is None else ev.fatalities}",
                     f"claimed by: {' → '.join(ev.claimed_by) or '-'}",
                     f"evidence: {_short(ev.mentions[0].text) if ev.mentions else ''}"]
            for n, line in enumerate(lines):
                console.print(Padding(Text(line), (0, 0, 0, 0 if n == 0 else 4)))
        return
    events = Table(title=_events_title(report), show_lines=False)
    for column in ("id", "p", "date", "tp"):  # p: the probability a coder keeps it; "?" = left for review
        events.add_column(column, no_wrap=True)
    # the text columns share what is left; the longest codebook word ("demonstration") keeps its line
    events.add_column("sub-event type", overflow="fold", min_width=13, ratio=2)
    for column in ("actor1", "actor2", "location"):
        events.add_column(column, overflow="fold", ratio=2)
    events.add_column("dead", no_wrap=True)
    events.add_column("claimed by", overflow="fold", ratio=3)
    for ev in report.events:
        _row(events, ev.id, _decision(ev), str(ev.event_date or ""), str(ev.time_precision or ""),
             ev.sub_event_type or ev.event_type or "", ev.actor1 or "", ev.actor2 or "", _where(ev),
             "" if ev.fatalities is None else str(ev.fatalities), " → ".join(ev.claimed_by))
    console.print(events)
    if report.events:
        console.print("[bold]evidence[/bold]")
        for ev in report.events:
            console.print(Text(f"{ev.id}  ") + Text(_short(ev.mentions[0].text) if ev.mentions else ""))


def _events_title(report: Report) -> str:
    review = sum(1 for ev in report.events if "needs_review" in ev.flags)
    kept = len(report.events) - review
    return f"events ({kept} kept" + (f", {review} left for review, marked ?)" if review else ")")


def _decision(ev: Event) -> str:
    """The decision's probability, and `?` for an event left for review (exports leave it out by default)."""
    return f"{ev.confidence:.2f}" + ("?" if "needs_review" in ev.flags else "")


def _where(ev: Event) -> str:
    """"Basra, Iraq"; the country once when it is the location."""
    return ", ".join(dict.fromkeys(x for x in (ev.location, ev.country) if x))


def _render_claims_and_profile(console: Console, report: Report) -> None:
    relayed = [c for c in report.claims if not c.first_hand]
    if relayed:
        claims = Table(title=f"relayed claims ({len(relayed)} of {len(report.claims)})")
        for column in ("subject", "chain", "evidence"):
            claims.add_column(column, overflow="fold")
        for c in relayed:
            _row(claims, f"{c.subject} {c.subject_id}", " → ".join(link.name for link in c.chain),
                           _short(c.evidence.text) if c.evidence else "")
        console.print(claims)
    profile = report.source_profile
    if profile is not None:
        console.print(f"[bold]source profile[/bold]: {profile.publisher or '?'} — kind {profile.publisher_kind or 'unknown'}"
                      + (f" ({profile.basis})" if profile.basis else ""))
        console.print(f"  loaded language in {profile.loaded_sentence_share:.0%} of sentences; claims first-hand "
                      f"{profile.first_hand_claims}, relayed {profile.relayed_claims}")
        if profile.loaded_language:
            shown = ", ".join(f"{ls.span.text} [{ls.category}]" for ls in profile.loaded_language[:12])
            more = len(profile.loaded_language) - 12
            console.print(f"  loaded: {shown}" + (f" … and {more} more" if more > 0 else ""))


def _short(text: str) -> str:
    """Evidence on one logical line, shortened at a word boundary ("…" marks the cut)."""
    return textwrap.shorten(text, EVIDENCE_CHARS, placeholder=" …")


def _row(table: Table, *cells: str) -> None:
    """Add cells as plain text: article words are never read as rich markup."""
    table.add_row(*(Text(str(cell)) for cell in cells))

