"""Command line: `ask` and `docker-qa` (index, eval, calibrate, snippets, serve, slack, feedback); no logic of its own."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .article import DEFAULT_TITLE


class Failure(click.ClickException):
    """A one-line error on standard error and exit status 2."""

    exit_code = 2

    def show(self, file=None):
        click.echo(f"error: {self.format_message()}", err=True)


def _settings(**overrides):
    from pydantic import ValidationError

    from .settings import Settings

    try:
        return Settings(**{k: v for k, v in overrides.items() if v is not None})
    except UnicodeDecodeError:
        raise Failure("the .env file is not UTF-8 text; save it as UTF-8") from None
    except ValidationError as exc:
        error = exc.errors()[0]
        name = "DOCKER_QA_" + str(error["loc"][0]).upper() if error.get("loc") else "a setting"
        raise Failure(f"invalid setting {name}: {error['msg']}; fix the environment variable or .env file") from None


def guarded(function):
    """Turn the core's errors into one line and exit status 2."""
    import functools

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        from .errors import DockerQAError

        try:
            result = function(*args, **kwargs)
            sys.stdout.flush()
            return result
        except DockerQAError as exc:
            raise Failure(str(exc)) from None
        except KeyboardInterrupt:
            raise Failure("interrupted") from None
        except UnicodeEncodeError as exc:
            raise Failure(
                f"the output cannot carry this text (encoding {exc.encoding}); set PYTHONIOENCODING=utf-8"
            ) from None
        except OSError as exc:
            if not _is_output_error(exc):
                raise
            _silence_stdout()
            raise Failure(f"cannot write the output: {exc.strerror or exc}") from None

    return wrapper


def _is_output_error(exc: OSError) -> bool:
    """True for a failed write to standard output: a full device, a closed pipe."""
    import errno

    return isinstance(exc, BrokenPipeError) or exc.errno in (errno.ENOSPC, errno.EPIPE, errno.EIO, errno.EDQUOT)


def _silence_stdout() -> None:
    # Point standard output at /dev/null, so the interpreter's own flush at exit does not fail a second time.
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _load(settings):
    from .core import Assistant

    return Assistant.load(settings)


def _read_stdin_questions():
    data = sys.stdin.buffer.read()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise Failure(f"standard input is not UTF-8 text (bad byte at offset {exc.start}); send UTF-8") from None
    return [line for line in text.splitlines() if line.strip()]


def _stdin_request(line: str) -> tuple[str, list | None]:
    """A line of `ask --json -`: a plain question, or a JSON object {"question": ..., "history": [...]}."""
    if not line.lstrip().startswith("{"):
        return line, None
    from .errors import InvalidQuestion

    try:
        data = json.loads(line)
    except ValueError as exc:
        raise InvalidQuestion(f"the line starts with {{ but is not JSON ({exc.msg}); send a JSON object or a plain question") from None
    if not isinstance(data, dict) or not isinstance(data.get("question"), str) or set(data) - {"question", "history"}:
        raise InvalidQuestion('a JSON line must be an object {"question": "...", "history": [...]}')
    history = data.get("history") or []
    if not isinstance(history, list) or not all(
        isinstance(turn, dict) and isinstance(turn.get("question"), str) and set(turn) <= {"question", "answer"}
        for turn in history
    ):
        raise InvalidQuestion('"history" must be a list of {"question": "...", "answer": {...}} objects, oldest first')
    return data["question"], history


def _ask(question: str, as_json: bool, top_k: int | None, index: Path | None) -> None:
    from .core import check_question

    settings = _settings(index_dir=index)
    if question == "-":
        questions = _read_stdin_questions()
        if not questions:
            raise Failure("no questions on standard input; send one question per line")
        from pydantic import ValidationError

        from .errors import DockerQAError, InvalidQuestion

        assistant = _load(settings)
        failed = 0
        for number, line in enumerate(questions, 1):
            try:
                text, history = _stdin_request(line)
                try:
                    answer = assistant.ask(text, top_k=top_k, history=history)
                except ValidationError as exc:
                    raise InvalidQuestion(f"an answer in the history is not an answer object ({exc.errors()[0]['msg']})") from None
            except DockerQAError as exc:
                # One bad line does not stop the batch: it gets an error in place of its answer.
                failed += 1
                if as_json:
                    click.echo(json.dumps({"error": {"code": exc.code, "message": str(exc)}, "line": number}))
                else:
                    click.echo(f"error: question {number}: {exc}", err=True)
                continue
            click.echo(answer.model_dump_json() if as_json else "")
            if not as_json:
                _render(answer)
        if failed:
            raise Failure(f"{failed} of {len(questions)} questions were not answered")
        return
    check_question(question)  # fail fast, before loading anything
    answer = _load(settings).ask(question, top_k=top_k)
    if as_json:
        click.echo(answer.model_dump_json())
    else:
        _render(answer)


def _chat(top_k: int | None, index: Path | None) -> None:
    """`ask --chat`: a conversation in the terminal; each question is asked with the turns before it."""
    try:
        import readline  # noqa: F401  (line editing and the up-arrow history for input())
    except ImportError:
        pass
    from .article import article_info
    from .conversation import MAX_HISTORY
    from .errors import DockerQAError
    from .labels import labels

    assistant = _load(_settings(index_dir=index))
    title = article_info(assistant).title
    click.echo(labels("en")["chat_intro"].format(title=title))
    history: list[dict] = []
    choices: list[str] = []
    while True:
        try:
            line = input("? ").strip()
        except EOFError:
            click.echo()
            return
        except KeyboardInterrupt:
            click.echo()
            continue
        if not line:
            continue
        if line == "/clear":
            history, choices = [], []
            click.echo(f"— {labels('en')['new_conversation']} / {labels('ko')['new_conversation']} —")
            continue
        if line.isdigit() and 1 <= int(line) <= len(choices):
            line = choices[int(line) - 1]
            click.echo(f"? {line}")
        try:
            answer = assistant.ask(line, top_k=top_k, history=history[-MAX_HISTORY:])
        except DockerQAError as exc:
            click.echo(f"error: {exc}", err=True)
            continue
        choices = answer.suggestions or (assistant.topic_questions(answer.language) if answer.refused else [])
        _render(answer, choices)
        history.append({"question": line, "answer": answer})


def _render(answer, choices: list[str] | None = None) -> None:
    """Readable terminal output with rich: how a follow-up was read, answer, cited sections with quotes,
    highlighted snippets, and the suggested follow-ups (or other `choices`) as a numbered list."""
    from rich.console import Console
    from rich.markdown import Markdown
    from rich.panel import Panel
    from rich.syntax import Syntax

    from rich.markup import escape

    from .labels import labels

    words = labels(answer.language)
    console = Console()
    colour = {"yes": "green", "no": "red", "partial": "yellow"}
    if answer.verdict:
        title = f"[bold {colour[answer.verdict]}]{escape(words[answer.verdict])}[/]"
    else:
        refused = words["refused_posts"] if answer.posts > 1 else words["refused"]
        title = f"[dim]{escape(refused)}[/]" if answer.refused else escape(words["answer"])
    if answer.standalone_question:
        console.print(f"[dim]{escape(words['read_as'])}:[/] {escape(answer.standalone_question)}")
    console.print(Panel(Markdown(answer.answer), title=f"{title}  [dim]{words['confidence']} {answer.confidence:.2f}[/]", title_align="left"))
    for number, citation in enumerate(answer.citations, 1):
        where = citation.url or (f"#{citation.anchor}" if citation.anchor else "")
        heading = citation.section_translated or citation.section
        if answer.posts > 1 and citation.post and citation.anchor:  # the lead text is cited by the post's title
            heading = f"{citation.post} > {heading}"
        console.print(f"[bold][{number}][/] {escape(heading)}  [dim]{escape(where)}[/]")
        if not citation.in_answer:
            console.print(f"    [italic]{escape(citation.quote)}[/]")
        if citation.quote_original:
            console.print(f"    [dim]{escape(words['original'])}: {escape(citation.quote_original)}[/]")
    for snippet in answer.snippets:
        label = words["article"] if snippet.source == "article" else f"{words['catalog']}: {snippet.id}"
        # An article snippet's title is its section's heading, in the answer's language.
        subtitle = snippet.reference or ""
        lexer = {"compose": "yaml", "kubernetes": "yaml", "dockerfile": "docker"}.get(snippet.language, snippet.language)
        console.print(
            Panel(
                Syntax(snippet.code, lexer, theme="ansi_dark", word_wrap=True),
                title=f"{escape(snippet.title)} [dim]({escape(label)})[/]",
                subtitle=subtitle,
                title_align="left",
            )
        )
    listed = answer.suggestions if choices is None else choices
    if listed:
        heading = words["suggestions"] if listed == answer.suggestions else words["topics"]
        console.print(f"[bold]{escape(heading)}[/]")
        for number, item in enumerate(listed, 1):
            console.print(f"  {number}. {escape(item)}")


def _version() -> str:
    from . import __version__

    return __version__


ASK_HELP = """Answer a question about the article; the words after the options form the question.

\b
  ask does split compose share the kernel
  ask --json "컨테이너 간 통신은 어떻게 설정하나요?"
  printf 'q1\\nq2\\n' | ask --json -
  ask --chat

Quote a question that holds shell characters (? * ' " | & ;) or starts with a dash, or put -- before it."""


@click.command(name="ask", help=ASK_HELP)
@click.argument("words", metavar="QUESTION...", nargs=-1)
@click.option("--json", "as_json", is_flag=True,
              help='Print the answer as one JSON object (one per line with -, where a line may also be {"question": ..., "history": [...]}).')
@click.option("--chat", is_flag=True, help="Chat in the terminal: follow-up questions are read in the light of the conversation.")
@click.option("--top-k", type=click.IntRange(1, 10), default=None, help="Number of cited sections (1-10) [default: DOCKER_QA_TOP_K or 3].")
@click.option("--index", type=click.Path(path_type=Path), default=None, help="Index directory to answer from [default: the bundled index].")
@click.version_option(_version(), "--version", package_name="docker-qa", prog_name="ask", message="%(prog)s (docker-qa) %(version)s")
@guarded
def ask_command(words, as_json, chat, top_k, index):
    if chat:
        if words or as_json:
            raise click.UsageError("--chat takes no question and no --json; type the questions at its prompt")
        _chat(top_k, index)
        return
    if not words:
        raise click.UsageError("Missing argument 'QUESTION...'.")
    _ask(" ".join(words), as_json, top_k, index)


@click.group(help=f"docker-qa: answers questions about the article '{DEFAULT_TITLE}'.")
@click.version_option(_version(), "--version", package_name="docker-qa", prog_name="docker-qa")
def main():
    pass


main.add_command(ask_command)


@main.group(help="Build and inspect indexes.")
def index():
    pass


@index.command(
    "build",
    help="Chunk and embed Markdown posts into an index directory: a file, a folder, or a Jekyll site (SITE_DIR with "
    "_config.yml and _posts/; each post's URL from its permalink, the site's url, baseurl and permalink, or Chirpy's "
    "/posts/:title/).",
)
@click.argument("source", required=False, type=click.Path(path_type=Path))
@click.option("--out", type=click.Path(path_type=Path), default=None, help="Index directory to write (default: the bundled index).")
@click.option("--include-drafts", is_flag=True, help="Also index draft text inside HTML comments.")
@click.option("--watch", is_flag=True, help="Keep running: rebuild whenever a post changes (Ctrl-C stops).")
@click.option("--interval", type=click.FloatRange(0.05, 3600), default=1.0, show_default=True,
              help="With --watch: seconds between looks at the posts.")
@guarded
def index_build(source, out, include_drafts, watch, interval):
    from rich.progress import Progress

    from .index import build_index

    settings = _settings(include_drafts=include_drafts or None)
    if watch:
        _watch_and_build(settings, Path(source or settings.corpus_dir), Path(out or settings.index_dir), interval)
        return
    with Progress(transient=True) as progress:
        task = progress.add_task("embedding chunks", total=None)

        def report(done, total):
            progress.update(task, completed=done, total=total)

        manifest = build_index(settings, source=source, out=out, progress=report)
    target = out or settings.index_dir
    click.echo(f"built {manifest.chunk_count} chunks from {len(manifest.documents)} document(s) into {target} in {manifest.build_seconds:.2f} s")


def _watch_and_build(settings, source: Path, out: Path, interval: float) -> None:
    from .watch import timestamp, watch_and_build

    def report(build) -> None:
        if build.error:
            # One line; the index at `out` is the last good build, and the watcher goes on.
            click.echo(f"{timestamp()} error: {build.error} (the index at {out} is unchanged)", err=True)
            return
        manifest = build.manifest
        click.echo(
            f"{timestamp()} built {manifest.chunk_count} chunks from {len(manifest.documents)} document(s) into {out} "
            f"in {manifest.build_seconds:.2f} s ({build.embedded} embedded, {build.reused} reused)"
        )

    click.echo(f"watching {source} (every {interval:g} s; Ctrl-C stops)")
    try:
        watch_and_build(settings, source, out, report, interval=interval)
    except KeyboardInterrupt:
        click.echo(f"stopped watching; the index at {out} is the last one built")


@index.command("info", help="Show an index: its manifest, its posts (title, URL, sections, chunks, language) and its refusal model.")
@click.option("--index", "index_dir", type=click.Path(path_type=Path), default=None, help="Index directory [default: the bundled index].")
@guarded
def index_info(index_dir):
    from .core import describe_index

    settings = _settings(index_dir=index_dir)
    click.echo(json.dumps(describe_index(settings), ensure_ascii=False, indent=2))


@main.command("search", help="Show ranked chunks with their scores (debugging); the words form the query.")
@click.argument("words", metavar="QUERY...", nargs=-1, required=True)
@click.option("-k", type=click.IntRange(1, 50), default=5, show_default=True, help="Number of chunks to show (1-50).")
@click.option(
    "--mode",
    type=click.Choice(["hybrid", "dense", "bm25", "rrf"]),
    default="hybrid",
    show_default=True,
    help="Ranking: hybrid (cosine plus scaled BM25, what answers use), dense only, BM25 only, or reciprocal-rank fusion.",
)
@click.option("--index", "index_dir", type=click.Path(path_type=Path), default=None, help="Index directory [default: the bundled index].")
@guarded
def search_command(words, k, mode, index_dir):
    query = " ".join(words)
    assistant = _load(_settings(index_dir=index_dir))
    for hit in assistant.search(query, k=k, mode=mode):
        where = f"{hit.post} > {hit.section}" if assistant.several_posts else hit.section
        click.echo(f"{hit.score:.4f}  {hit.kind:8} {where}\n          {hit.text[:100]!r}")


@main.command("eval", help="Score answers on a JSONL question or conversation file (hit@1, hit@3, MRR, verdicts, refusals, snippets, calibration); a conversation file's first turns and follow-ups are reported apart.")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--show", is_flag=True, help="List the questions that missed.")
@click.option("--compare", is_flag=True, help="Compare dense-only, BM25-only and hybrid retrieval.")
@click.option("--top-k", type=click.IntRange(1, 10), default=3, show_default=True, help="Cited sections per answer (hit@3 needs 3).")
@click.option("--markdown", is_flag=True, help="Print the tables as Markdown (for the README).")
@click.option("--calibration", is_flag=True, help="Also print the reliability table: accuracy per confidence bin.")
@click.option("--index", "index_dir", type=click.Path(path_type=Path), default=None, help="Index directory [default: the bundled index].")
@guarded
def eval_command(file, show, compare, top_k, markdown, calibration, index_dir):
    from .evaluate import evaluate, evaluate_conversations, is_conversation_file, read_conversations, read_questions, verdict_error

    modes = ["dense", "bm25", "hybrid"] if compare else ["hybrid"]
    if is_conversation_file(file):
        # Every turn is asked with the turns before it as history; first turns and follow-ups are reported apart.
        conversations = read_conversations(file)
        assistant = _load(_settings(index_dir=index_dir))
        reports = [report for mode in modes for report in evaluate_conversations(assistant, conversations, mode, top_k)]
    else:
        questions = read_questions(file)
        assistant = _load(_settings(index_dir=index_dir))
        reports = [evaluate(assistant, questions, mode, top_k) for mode in modes]
    _print_metrics(reports, markdown, calibration)
    if show:
        marks = {"wrong": "  WRONG VERDICT", "none": "  NO VERDICT"}
        for report in reports:
            for miss in report.misses():
                q = miss.question
                expected = "refuse" if q.offtopic else f"{q.gold} {q.verdict or ''}".strip()
                got = "refused" if miss.refused else f"{miss.sections[:1]} {miss.verdict or ''}".strip()
                mark = marks.get(verdict_error(miss), "")
                read_as = f"\n    read as:  {miss.read_as}" if miss.read_as else ""
                click.echo(f"[{report.mode}] {q.q}{read_as}\n    expected: {expected}\n    got:      {got} (rank {miss.rank}, confidence {miss.confidence:.2f}){mark}")


def _print_metrics(reports, markdown: bool, calibration: bool) -> None:
    names = ["questions", "hit@1", "hit@3", "mrr", "verdict_acc", "verdict_wrong", "verdict_none", "near_refusal", "far_refusal",
             "false_refusal", "snippet_precision", "answer_language", "ece"]

    def cell(value):
        return "-" if value is None else (f"{value:.3f}" if isinstance(value, float) else str(value))

    def table(headers, rows):
        if markdown:
            click.echo("| " + " | ".join(headers) + " |")
            click.echo("|---" * len(headers) + "|")
            for row in rows:
                click.echo("| " + " | ".join(row) + " |")
            return
        from rich.console import Console
        from rich.table import Table

        rich_table = Table(*headers)
        for row in rows:
            rich_table.add_row(*row)
        Console().print(rich_table)

    metrics = [report.metrics() for report in reports]
    table(["retrieval", *names], [[r.mode, *(cell(m[n]) for n in names)] for r, m in zip(reports, metrics)])
    if calibration:
        click.echo()
        bins = [(r.mode, b) for r in reports for b in r.reliability()]
        table(
            ["retrieval", "confidence", "count", "mean_confidence", "accuracy"],
            [[mode, f"{b['low']:.1f}-{b['high']:.1f}", *(cell(b[k]) for k in ("count", "confidence", "accuracy"))] for mode, b in bins],
        )


@main.command("calibrate", help="Fit the refusal model (or, with --floor, its floor; with --ranking, --offtopic or --follow-ups, the ranking, off-topic or follow-up ranking trees) on labelled question files (needs scikit-learn).")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--index", "index_dir", type=click.Path(path_type=Path), default=None, help="Index directory [default: the bundled index].")
@click.option("--ranking", is_flag=True, help="Fit the model that picks the first section among retrieval's first five instead.")
@click.option("--offtopic", is_flag=True, help="Fit the trees that refuse off-topic questions the refusal model lets through instead.")
@click.option("--follow-ups", "follow_ups", is_flag=True, help="Fit the model that picks a follow-up's first section instead, on question and conversation files.")
@click.option("--floor", is_flag=True, help="Set the fitted refusal model's floor on labelled questions instead (keeps its weights).")
@guarded
def calibrate_command(files, index_dir, ranking, offtopic, follow_ups, floor):
    from .evaluate import is_conversation_file, read_conversations, read_questions
    from .refusal import fit_refusal_model, save_refusal_model

    try:
        import sklearn  # noqa: F401
    except ImportError:
        raise Failure("calibration needs scikit-learn; run: pip install scikit-learn") from None
    if ranking + offtopic + follow_ups + floor > 1:
        raise click.UsageError("fit one model at a time: --ranking, --offtopic, --follow-ups or --floor")
    settings = _settings(index_dir=index_dir)
    talks = [file for file in files if is_conversation_file(file)]
    if talks and not follow_ups:
        raise click.UsageError(f"{talks[0]} holds conversations; only --follow-ups fits on conversation files")
    questions = [q for file in files if file not in talks for q in read_questions(file)]
    sources = [Path(f).name for f in files]
    if follow_ups:
        from .ranking import fit_follow_up_model, save_follow_up_model

        if not talks:
            raise click.UsageError("--follow-ups fits on conversation files; name at least one")
        conversations = [c for file in talks for c in read_conversations(file)]
        fitted = fit_follow_up_model(_load(settings), questions, conversations, sources)
        path = save_follow_up_model(settings, fitted)
        click.echo(
            f"follow-up ranking model for {fitted.embedder}: {len(fitted.trees)} trees on {len(questions)} questions"
            f" and {len(conversations)} conversations -> {path}"
        )
        return
    if ranking or offtopic:
        from .offtopic import fit_offtopic_model, save_offtopic_model
        from .ranking import fit_ranking_model, save_ranking_model

        fit, save = (fit_ranking_model, save_ranking_model) if ranking else (fit_offtopic_model, save_offtopic_model)
        fitted = fit(_load(settings), questions, sources)
        path = save(settings, fitted)
        kind = "ranking" if ranking else "off-topic"
        click.echo(f"{kind} model for {fitted.embedder}: {len(fitted.trees)} trees on {len(questions)} questions -> {path}")
        return
    if floor:
        from .refusal import fit_floor

        assistant = _load(settings)
        if assistant.refusal.general:
            raise Failure("the refusal floor needs a refusal model fitted for this corpus; run docker-qa calibrate FILES first")
        model = fit_floor(assistant, questions, assistant.refusal, sources)
        path = save_refusal_model(settings, model)
        click.echo(f"refusal floor for {model.embedder}: {model.floor} (threshold {model.threshold}) -> {path}")
        return
    model = fit_refusal_model(_load(settings), questions, sources)
    path = save_refusal_model(settings, model)
    click.echo(f"refusal model for {model.embedder}: weights {model.weights}, bias {model.bias}, threshold {model.threshold} -> {path}")


@main.group(help="Browse the snippet catalog.")
def snippets():
    pass


@snippets.command("list", help="List catalog snippets.")
@guarded
def snippets_list():
    from .snippets import load_catalog

    for entry in load_catalog(_settings().snippets_path):
        click.echo(f"{entry.id:32} {entry.language:11} {entry.title}")


@snippets.command("show", help="Show one catalog snippet.")
@click.argument("snippet_id")
@guarded
def snippets_show(snippet_id):
    from .errors import SnippetNotFound
    from .snippets import load_catalog

    entries = {e.id: e for e in load_catalog(_settings().snippets_path)}
    if snippet_id not in entries:
        raise SnippetNotFound(f"no snippet with id {snippet_id!r}; list them with: docker-qa snippets list")
    entry = entries[snippet_id]
    click.echo(f"# {entry.title} / {entry.title_ko}\n# {entry.explanation}\n# {entry.reference}\n{entry.code}")


@main.command("serve", help="Serve the HTTP API (and the web page) with uvicorn.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (0.0.0.0 for every interface).")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="TCP port to listen on.")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True, help="Server processes.")
@click.option(
    "--embedders",
    type=click.IntRange(1, 64),
    default=None,
    help="Embedder copies per process, embedding concurrently [default: DOCKER_QA_EMBEDDER_COPIES or 1].",
)
@click.option("--index", "index_dir", type=click.Path(path_type=Path), default=None, help="Index directory [default: the bundled index].")
@guarded
def serve_command(host, port, workers, embedders, index_dir):
    from integrations.http.server import check_address, run

    settings = _settings(embedder_copies=embedders, index_dir=index_dir)
    check_address(host, port)  # a busy port or unknown host fails here, before anything loads
    run(settings, host, port, workers)


@main.command("slack", help="Run the Slack bot in Socket Mode.")
@click.option("--socket", is_flag=True, required=True, help="Use Socket Mode (needs SLACK_APP_TOKEN).")
@click.option("--index", "index_dir", type=click.Path(path_type=Path), default=None, help="Index directory [default: the bundled index].")
@guarded
def slack_command(socket, index_dir):
    from integrations.slack import run_socket_mode

    run_socket_mode(_settings(index_dir=index_dir))


@main.group(help="Helpful / not helpful votes from Slack and the web page.")
def feedback():
    pass


@feedback.command("report", help="Helpful / not helpful counts per surface (slack, web) and first cited section.")
@guarded
def feedback_report():
    from .feedback import report_rows

    rows = report_rows(_settings())
    if not rows:
        click.echo("no feedback yet")
        return
    width = max(len("section"), *(len(row.section) for row in rows))
    click.echo(f"{'surface':7}  {'section':{width}}  helpful  not helpful")
    for row in rows:
        click.echo(f"{row.surface:7}  {row.section:{width}}  {row.helpful:7}  {row.not_helpful:11}")


@feedback.command("export", help="Write the questions voted down as a question file for `docker-qa eval`, gold left to fill in.")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--force", is_flag=True, help="Overwrite FILE (and its review sheet) if it exists.")
@guarded
def feedback_export(file, force):
    from .feedback import export_question_file

    if file.exists() and not force:
        # It may hold gold a person has already filled in.
        raise Failure(f"{file} exists and may hold gold filled in by hand; pick another name or pass --force")
    count, review = export_question_file(_settings(), file)
    if not count:
        click.echo(f"no answer was voted down yet; wrote an empty {file}")
        return
    click.echo(f"wrote {count} question(s) to {file} and their answers, citations and votes to {review}")
    click.echo(f'next: replace each "gold": null with the sections that answer it (see {review.name}), then: docker-qa eval {file}')


if __name__ == "__main__":
    main()
