"""The bench report: one table with every figure, the target it is held to and whether it is met.

HTTP throughput targets are ratios to the static file served by the same gunicorn in the same
run, so they hold on any machine; in-process targets are milliseconds and query counts.
"""

import os
import platform
import time
from dataclasses import dataclass
from importlib import metadata

# The static file is loaded before and after the pages; the mean of both is the reference.
STATIC_FILES = ("static file (CSS), first", "static file (CSS), last")
# The gunicorn runs: the page cache off (every other cache as in production), the page cache
# on, and search alone with the search results cache off too, so that every search is computed.
UNCACHED, CACHED, COMPUTED = "uncached", "cached", "computed"
HTTP_RUNS = {
    UNCACHED: "HTTP, page cache off",
    CACHED: "HTTP, page cache on",
    COMPUTED: "HTTP, every search computed",
}
SEARCH = "search, two words"
IN_PROCESS = "in-process"
TINY = "tiny WSGI app"
# Pages the page cache may answer; search is left out of it by design (it counts queries).
CACHEABLE = ("home page", "knowledge index", "lesson page", "event page", "discussions page")
CACHED_SHARE = 80
# The pages' throughput with the page cache off, as a share of the static file.
UNCACHED_SHARE = {"lesson page": 5, "knowledge index": 5, "event page": 5, "discussions page": 5}
# Search when every search is computed (the search results cache off too).
COMPUTED_SHARE = {SEARCH: 3}
TIME_LIMITS = {  # page, or the start of its name: [(statistic, limit in ms)]
    "knowledge index": [("median", 150)],
    "knowledge index, filtered": [("median", 150)],
    "discussions page": [("median", 150)],
    "search, 20 queries": [("median", 100), ("p95", 100)],
    "admin: CSV export": [("median", 300)],
    "admin: XLSX export": [("median", 1000)],
}
QUERY_LIMITS = {"lesson page": 12}
LISTINGS = (
    "knowledge index",
    "theme page",
    "clause library",
    "agenda",
    "discussions page",
)
LISTING_QUERY_LIMIT = 15
WORKER_MEMORY_LIMIT_MB = 250
SIZE_NAMES = ("lessons", "events", "registrations", "topics", "comments", "lesson_comments")
SIZE_LABELS = {"lesson_comments": "comments on the measured lesson"}


@dataclass
class Target:
    text: str
    met: bool


def share_target(run, page, share):
    """The minimum throughput of `page` as a share of the static file, checked."""
    if run == CACHED:
        minimum = CACHED_SHARE if page in CACHEABLE else None
    elif run == COMPUTED:
        minimum = COMPUTED_SHARE.get(page)
    else:
        minimum = UNCACHED_SHARE.get(page)
    if minimum is None or share is None:
        return []
    return [Target(f"≥ {minimum}% of static", share >= minimum)]


def time_limits(page):
    """The time limits of `page`, found by its name or the start of it (export names count)."""
    if page in TIME_LIMITS:
        return TIME_LIMITS[page]
    return next((limits for name, limits in TIME_LIMITS.items() if page.startswith(name)), [])


def in_process_targets(page, figures):
    targets = [
        Target(f"{statistic} < {limit} ms", figures[f"{statistic}_ms"] < limit)
        for statistic, limit in time_limits(page)
    ]
    listing = page in LISTINGS or page.startswith("knowledge index")
    limit = QUERY_LIMITS.get(page, LISTING_QUERY_LIMIT if listing else None)
    if limit is not None:
        targets.append(Target(f"≤ {limit} queries", figures["queries"] <= limit))
    return targets


def cells(targets):
    if not targets:
        return "", ""
    texts = "; ".join(target.text for target in targets)
    met = "; ".join("yes" if target.met else "**no**" for target in targets)
    return texts, met


def http_rows(label, run, measured):
    """Rows of one gunicorn run: the tiny WSGI app, then each page, each with its throughput
    as a share of the static file and of the tiny app."""
    figures_by_page = {TINY: measured["tiny"], **measured["pages"]}
    static = sum(figures_by_page[name]["requests_per_second"] for name in STATIC_FILES) / 2
    tiny = measured["tiny"]["requests_per_second"]
    rows, targets = [], []
    for page, figures in figures_by_page.items():
        share = 100 * figures["requests_per_second"] / static if static else None
        tiny_share = 100 * figures["requests_per_second"] / tiny if tiny else None
        page_targets = [] if page in STATIC_FILES else share_target(run, page, share)
        targets += page_targets
        failed = f" ({figures['failed']:,} failed)" if figures["failed"] else ""
        rows.append(
            [
                label,
                HTTP_RUNS[run],
                page + failed,
                f"{figures['requests_per_second']:,.1f}",
                f"{figures['median_ms']:.1f}",
                f"{figures['p95_ms']:.1f}",
                f"{share:.1f}%" if share is not None else "-",
                f"{tiny_share:.1f}%" if tiny_share is not None else "-",
                f"{figures['load']:.2f}",
                "",
                figures["x_cache"],
                *cells(page_targets),
            ]
        )
    return rows, targets


def memory_rows(label, run, measured):
    """The memory of each gunicorn worker after the run's pages, against its limit."""
    sizes = measured["memory_mb"]
    met = bool(sizes) and max(sizes) < WORKER_MEMORY_LIMIT_MB
    target = Target(f"each < {WORKER_MEMORY_LIMIT_MB} MB", met)
    row = [
        label,
        HTTP_RUNS[run],
        ", ".join(f"{size:.0f}" for size in sizes) or "not readable",
        *cells([target]),
    ]
    return [row], [target]


def in_process_rows(label, results):
    rows, targets = [], []
    for page, figures in results.items():
        page_targets = in_process_targets(page, figures)
        targets += page_targets
        rows.append(
            [
                label,
                IN_PROCESS,
                page,
                "",
                f"{figures['median_ms']:.1f}",
                f"{figures['p95_ms']:.1f}",
                "",
                "",
                "",
                str(figures["queries"]),
                "",
                *cells(page_targets),
            ]
        )
    return rows, targets


def table(rows):
    header = [
        "database",
        "run",
        "page",
        "req/s",
        "median ms",
        "p95 ms",
        "% of static",
        "% of tiny WSGI",
        "load",
        "queries",
        "X-Cache",
        "target",
        "met",
    ]
    align = ["---", "---", "---", *["---:"] * 7, "---", "---", "---"]
    return [f"| {' | '.join(row)} |" for row in (header, align, *rows)]


def read_first_line(path, prefix):
    try:
        with open(path) as lines:
            for line in lines:
                if line.startswith(prefix):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown"


def machine(postgres_version, wrk_version):
    """One line that says what the figures were measured on."""
    memory = read_first_line("/proc/meminfo", "MemTotal")
    if memory.endswith(" kB"):
        memory = f"{int(memory[:-3]) / 1024 / 1024:.1f} GB"
    return (
        f"{read_first_line('/proc/cpuinfo', 'model name')}, {os.cpu_count()} cores, {memory} RAM;"
        f" {platform.platform()}; Python {platform.python_version()},"
        f" Django {metadata.version('Django')}, Wagtail {metadata.version('wagtail')},"
        f" gunicorn {metadata.version('gunicorn')}, {wrk_version},"
        f" PostgreSQL {postgres_version or 'not measured'}"
    )


def load_lines(before, after):
    """Load averages before and after, and a plain warning when others were using the CPUs."""
    cores = os.cpu_count() or 1
    lines = [
        f"Load average (1, 5, 15 min) before the run: {', '.join(f'{v:.2f}' for v in before)};"
        f" after it: {', '.join(f'{v:.2f}' for v in after)} (the last includes the bench itself)."
    ]
    if before[0] >= cores / 2:
        lines.append(
            f"**The machine was busy with other work when the bench started** (load {before[0]:.2f}"
            f" on {cores} cores): absolute figures are lower than an idle machine gives; the"
            " ratios to the static file, measured in the same minutes, suffer less."
        )
    return lines


def sizes_table(sizes_by_database, wanted):
    names = [SIZE_LABELS.get(name, name) for name in SIZE_NAMES]
    lines = [
        "| database | " + " | ".join(names) + " |",
        "| --- |" + " ---: |" * len(SIZE_NAMES),
        "| wanted | " + " | ".join(f"{wanted[name]:,}" for name in SIZE_NAMES) + " |",
    ]
    for label, sizes in sizes_by_database.items():
        lines.append(f"| {label} | " + " | ".join(f"{sizes[name]:,}" for name in SIZE_NAMES) + " |")
    return lines


def build(runs, context):
    """The whole report as Markdown. `runs` maps database labels to their measurements."""
    rows, memory, targets = [], [], []
    for label, run in runs.items():
        for http_run, measured in run["http"].items():
            more_rows, more_targets = http_rows(label, http_run, measured)
            rows += more_rows
            targets += more_targets
            more_rows, more_targets = memory_rows(label, http_run, measured)
            memory += more_rows
            targets += more_targets
        more_rows, more_targets = in_process_rows(label, run["in_process"])
        rows += more_rows
        targets += more_targets
    met = sum(target.met for target in targets)
    lines = [
        "# Benchmark results",
        "",
        f"Measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on"
        f" {machine(context['postgres_version'], context['wrk_version'])}.",
        "",
        *load_lines(context["load_before"], context["load_after"]),
        "",
        "Dataset in each bench database (demo content included; topics and comments are seeded"
        " only by a `seed_scale` that has `--topics` and `--comments`):",
        "",
        *sizes_table({label: run["sizes"] for label, run in runs.items()}, context["wanted"]),
        "",
        f"HTTP: gunicorn `network.wsgi`, production settings, {context['workers']} sync workers"
        f" on 127.0.0.1, WhiteNoise for static files, cache in {context['cache']};"
        f" `wrk -t2 -c4 -d{context['seconds']}s --latency` per page after a"
        f" {context['warmup']} s warm-up; `% of static` is the page's requests/s as a share"
        " of the static file's in the same run (the mean of its two runs, before and after the"
        " pages); `% of tiny WSGI` is the same share of a tiny WSGI app (bench/tiny_wsgi.py,"
        " one fixed line of text) loaded just before, under the same gunicorn settings: the"
        " most any Python page can reach here; `load` is the 1-minute load average as that"
        " wrk run ends (about 2 is the bench itself on an otherwise idle machine: wrk and two"
        " workers); X-Cache is the page cache's header on a warm"
        " request (- when absent). With the page cache off every request runs the middleware,"
        " the routing, the view and the template; every other cache stays on, as in"
        " production: the navigation cache (menus, listing totals and rendered parts of pages,"
        " kept until the next content change, home/navigation.py) and the search results"
        " cache (each language, query, filters and page, kept until the next content change;"
        " every search is still counted, in the database). The page cache never answers"
        " search. The last run loads search alone with the search results cache off too, so"
        " that every request computes its search: the cost of a search not asked before."
        " In-process: Django's test client with the page cache and the search results cache"
        " off,"
        f" {context['repeat']} requests per page after a warm one (queries counted on the warm"
        " one); search is 20 two-word queries.",
        "",
        f"Targets met: {met} of {len(targets)}.",
        "",
        *table(rows),
        "",
        "Memory (RSS) of each gunicorn worker after the run's last page, in MB:",
        "",
        "| database | run | workers (MB) | target | met |",
        "| --- | --- | --- | --- | --- |",
        *(f"| {' | '.join(row)} |" for row in memory),
    ]
    return "\n".join(lines) + "\n"
