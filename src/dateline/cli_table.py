"""A readable, terminal-friendly view of a Report (`dateline extract --format table`)."""

from __future__ import annotations

import io

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from dateline.model import Report


def render_report(report: Report) -> str:
    # Render into a buffer: the caller decides where the text goes (stdout or -o FILE), so it is written once.
    console = Console(file=io.StringIO(), record=True, width=160, force_terminal=False)
    art = report.article
    # Article text may contain square brackets ("[Baghdad's]"), which rich would read as markup: escape it.
    console.print(f"[bold]{escape(art.title or art.id)}[/bold]")
    for label, value in (("subtitle", art.subtitle), ("publisher", art.publisher), ("published", art.published),
                         ("dateline", art.dateline_place), ("url", art.url)):
        if value:
            console.print(f"  {label}: {escape(str(value))}")
    for warning in report.warnings:
        console.print(f"  [yellow]warning: {escape(warning)}[/yellow]")
    events = Table(title=f"events ({len(report.events)})", show_lines=False)
    for column in ("id", "event_date", "tp", "event_type", "sub_event_type", "actor1", "actor2", "location",
                   "country", "fatalities", "claimed_by", "evidence"):
        events.add_column(column, overflow="fold")
    for ev in report.events:
        evidence = " ".join(ev.mentions[0].text.split()) if ev.mentions else ""
        _row(events, ev.id, str(ev.event_date or ""), str(ev.time_precision or ""), ev.event_type or "",
                       ev.sub_event_type or "", ev.actor1 or "", ev.actor2 or "", ev.location or "",
                       ev.country or "", "" if ev.fatalities is None else str(ev.fatalities),
                       " → ".join(ev.claimed_by), evidence[:120])
    console.print(events)
    if report.rejected:
        rej = Table(title=f"rejected candidates ({len(report.rejected)})")
        for column in ("reason", "text"):
            rej.add_column(column, overflow="fold")
        for cand in report.rejected:
            _row(rej, cand.reason, cand.span.text[:140])
        console.print(rej)
    if report.quotes:
        quotes = Table(title=f"quotes ({len(report.quotes)})")
        for column in ("kind", "speaker", "quote"):
            quotes.add_column(column, overflow="fold")
        for q in report.quotes:
            _row(quotes, q.kind, q.speaker or "?", q.span.text[:120])
        console.print(quotes)
    if report.statements:
        st = Table(title=f"statements ({len(report.statements)})")
        for column in ("plover", "actor", "target", "evidence"):
            st.add_column(column, overflow="fold")
        for s in report.statements:
            _row(st, s.plover, s.actor or "", s.target or "", s.evidence.text[:120])
        console.print(st)
    _render_claims_and_profile(console, report)  # who says so (dateline.extract.claims / .source)
    return console.export_text()


def _render_claims_and_profile(console: Console, report: Report) -> None:
    relayed = [c for c in report.claims if not c.first_hand]
    if relayed:
        claims = Table(title=f"relayed claims ({len(relayed)} of {len(report.claims)})")
        for column in ("subject", "chain", "evidence"):
            claims.add_column(column, overflow="fold")
        for c in relayed:
            _row(claims, f"{c.subject} {c.subject_id}", " → ".join(link.name for link in c.chain),
                           c.evidence.text[:100] if c.evidence else "")
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


def _row(table: Table, *cells: str) -> None:
    """Add cells as plain text: article words are never read as rich markup."""
    table.add_row(*(Text(str(cell)) for cell in cells))

