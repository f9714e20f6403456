"""The lintnews language server (``lintnews lsp``), built on pygls 2.

It lints open documents as they change and publishes the findings as LSP
diagnostics; offers each finding's fix as a quick fix, a comment that disables
the rule for the line, and "fix all safe problems" (``source.fixAll``); and
shows a rule's explanation on hover.

Linting runs in a worker thread so the server keeps answering while a long
document is checked. Each document has at most one lint running: edits that
arrive meanwhile mark it dirty, and it is linted once more when the run ends
(a burst of keystrokes costs two lints, not one per key). A result is
published only if the document is still at the version that was linted, so a
stale result never overwrites a newer one.
"""
from __future__ import annotations

import asyncio
import logging
import os
import re
import threading
import time
from dataclasses import dataclass, replace
from pathlib import Path
from types import SimpleNamespace

from lsprotocol import types
from pygls.exceptions import JsonRpcException, JsonRpcInvalidParams
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol
from pygls.uris import to_fs_path

from . import __version__
from .api import LintError, Session, Sessions
from .commands.explain import explain
from .diagnostic import Diagnostic
from .lsp_positions import LineIndex, apply_change
from .plugins import Registry

log = logging.getLogger("lintnews.lsp")

SOURCE = "lintnews"
FIX_ALL = f"{types.CodeActionKind.SourceFixAll.value}.{SOURCE}"
SUPPRESSION = "lintnews-disable-next-line"
#: Files whose change reloads the rules (configuration files; packs are
#: matched by path).
CONFIG_FILES = (".lintnews.yaml", ".lintnews.yml", "pyproject.toml")
WATCHED = ("**/.lintnews.yaml", "**/.lintnews.yml", "**/pyproject.toml", "**/*.yaml", "**/*.yml")
SEVERITY = {"error": types.DiagnosticSeverity.Error, "warning": types.DiagnosticSeverity.Warning,
            "info": types.DiagnosticSeverity.Information}
SETTINGS_WAIT = 2.0  # seconds to wait for the client's settings before the first lint
REQUEST_WAIT = 2.0  # seconds a code action or hover request waits for a lint in progress


# -- settings ---------------------------------------------------------------

@dataclass(frozen=True)
class Settings:
    """What the editor may configure, under the ``lintnews`` section of its
    settings or in ``initializationOptions``."""
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    packs: tuple[str, ...] = ()
    debounce_ms: float = 0
    max_document_size: int = 1_000_000

    KEYS = ("select", "ignore", "packs", "debounceMs", "maxDocumentSize")

    @classmethod
    def section(cls, data):
        """Our part of a client's settings: the ``lintnews`` object, or the
        whole object if it holds our keys (clients differ); else None."""
        if not isinstance(data, dict):
            return None
        if isinstance(data.get("lintnews"), dict):
            return data["lintnews"]
        return data if any(key in data for key in cls.KEYS) else None

    def merged(self, data, root: str | None) -> tuple[Settings, list[str]]:
        """These settings overridden by a client's settings object; also the
        problems found in it (bad values are skipped, not fatal)."""
        if data is None:
            return self, []
        if not isinstance(data, dict):
            return self, [f"settings must be an object, not {type(data).__name__}"]
        data = self.section(data) or data
        values, problems = {}, []
        for key, value in data.items():
            if key in ("select", "ignore", "packs"):
                items = value.split(",") if isinstance(value, str) else value
                if not isinstance(items, list) or not all(isinstance(v, str) for v in items):
                    problems.append(f"setting {key!r} must be a list of strings")
                    continue
                items = [v.strip() for v in items if v.strip()]
                values[key] = tuple(_resolve(v, root) for v in items) if key == "packs" else tuple(items)
            elif key == "debounceMs":
                if not isinstance(value, (int, float)) or isinstance(value, bool) or value < 0:
                    problems.append("setting 'debounceMs' must be a number of milliseconds")
                    continue
                values["debounce_ms"] = value
            elif key == "maxDocumentSize":
                if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                    problems.append("setting 'maxDocumentSize' must be a number of characters (0: no limit)")
                    continue
                values["max_document_size"] = value
            else:
                log.warning("ignoring unknown setting %r", key)
        return replace(self, **values), problems


def _resolve(path: str, root: str | None) -> str:
    path = os.path.expanduser(path)
    if root and not os.path.isabs(path):
        path = os.path.join(root, path)
    return os.path.normpath(path)


# -- documents ----------------------------------------------------------------

@dataclass
class LintResult:
    """The findings for one version of a document, kept for code actions and hover."""
    version: int
    generation: int
    index: LineIndex
    diagnostics: list[Diagnostic]
    lsp: list[types.Diagnostic]
    session: Session
    comment: str  # the file format's line comment, e.g. "# {}"


@dataclass
class OpenDocument:
    """The server's copy of an open document. pygls keeps one too, but splits
    lines like ``str.splitlines`` (at U+2028, form feeds ...), unlike editors;
    edits applied that way would drift from the editor's text."""
    uri: str
    version: int
    text: str
    language_id: str = ""
    path: str | None = None
    dirty: bool = False
    task: asyncio.Task | None = None
    result: LintResult | None = None


# -- the server ----------------------------------------------------------------

class _Protocol(LanguageServerProtocol):
    def lsp_text_document__did_change(self, params: types.DidChangeTextDocumentParams):
        # pygls keeps a copy of each document too and fails with a bare
        # KeyError on a change to one that is not open (a client's mistake,
        # or a change racing a close); our handler logs that as a warning.
        try:
            for change in params.content_changes:
                self.workspace.update_text_document(params.text_document, change)
        except KeyError:
            pass
        if (handler := self.fm.features.get(types.TEXT_DOCUMENT_DID_CHANGE)) is not None:
            yield handler, (params,), None

    def structure_message(self, data):
        try:
            return super().structure_message(data)
        except JsonRpcException as exc:
            # pygls drops a request whose params do not fit its type, leaving
            # the client waiting forever: answer it with an error instead.
            if isinstance(data, dict) and "method" in data and data.get("id") is not None:
                error = JsonRpcInvalidParams(message=f"invalid params for {data['method']}")
                self._send_response(data["id"], error=error.to_response_error())
                return SimpleNamespace(jsonrpc=None)  # handle_message ignores it
            raise exc


class LintnewsServer(LanguageServer):
    def __init__(self, registry=None, defaults: Settings | None = None):
        super().__init__("lintnews", __version__, protocol_cls=_Protocol,
                         text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.registry = registry or Registry()
        self.defaults = defaults or Settings()
        self.settings = self.defaults
        self.init_options = None
        self.root: str | None = None
        self.documents: dict[str, OpenDocument] = {}
        self.generation = 0  # bumped whenever settings, packs or configuration change
        self.settings_ready = asyncio.Event()
        self._workers = asyncio.Semaphore(2)
        self._sessions: dict[tuple, Sessions | LintError] = {}
        self._last_good: Session | None = None
        self._session_lock = threading.Lock()
        self._reported: set[str] = set()

    # -- settings and sessions ------------------------------------------------
    def configure(self, *sources) -> None:
        """Settings = command-line defaults, then each source in turn."""
        settings, problems = self.defaults, []
        for data in sources:
            settings, found = settings.merged(data, self.root)
            problems += found
        for problem in problems:
            self.warn(f"lintnews: {problem}", once=True)
        self.settings = settings

    def _session_for(self, uri: str) -> Session:
        """The session that lints ``uri``: the editor's settings over the
        file's own lintnews configuration (``.lintnews.yaml`` or
        ``[tool.lintnews]`` found walking up from it, as on the command
        line). Thread-safe; raises ``LintError`` for a bad pack, rule name or
        configuration (remembered per folder, so a broken pack is not re-read
        on every keystroke)."""
        s = self.settings
        key = (s.select, s.ignore, s.packs)
        path = _path(uri)
        folder = os.path.dirname(path) if path else None
        with self._session_lock:
            failed = self._sessions.get((key, folder))
            if isinstance(failed, LintError):
                raise failed
            sessions = self._sessions.get(key)
            if sessions is None:
                sessions = self._sessions[key] = Sessions(
                    packs=s.packs, select=s.select, ignore=s.ignore, registry=self.registry)
            try:
                session = sessions.for_path(path)
                session.linter  # compile every rule now, in the worker thread
            except LintError as exc:
                self._sessions[(key, folder)] = exc
                raise
            self._last_good = session
            return session

    def _fallback_session(self) -> Session:
        """What lints while the configured rules cannot load: the last
        session that worked, else the built-in rules."""
        with self._session_lock:
            if self._last_good is None:
                self._last_good = Session(registry=self.registry)
            return self._last_good

    def reload(self) -> None:
        """Forget loaded packs and re-lint every open document."""
        with self._session_lock:
            self._sessions.clear()
            # A new registry on the same plugins: nothing it loaded is kept.
            self.registry = Registry(self.registry.pm)
        self._reported.clear()
        self.generation += 1
        for doc in self.documents.values():
            self.schedule(doc)

    def warn(self, message: str, once: bool = False) -> None:
        """Tell the user (a pop-up in most editors)."""
        if once and message in self._reported:
            return
        self._reported.add(message)
        log.warning("%s", message)
        self.window_show_message(types.ShowMessageParams(type=types.MessageType.Warning, message=message))

    def report_server_error(self, error, source):
        # Malformed messages and handler failures go to the client's log, not
        # a pop-up per keystroke; the server keeps running either way.
        log.error("%s: %s", source.__name__, error)
        try:
            self.window_log_message(types.LogMessageParams(type=types.MessageType.Error,
                                                           message=f"lintnews: {error}"))
        except Exception:  # noqa: BLE001 - the connection itself may be gone
            pass

    # -- linting ------------------------------------------------------------
    def _lint(self, uri: str, text: str, path: str | None, language_id: str):
        """Runs in a worker thread: (diagnostics, session, comment format, problem)."""
        problem = None
        try:
            session = self._session_for(uri)
        except LintError as exc:
            problem = f"lintnews: {exc}"
            session = self._fallback_session()
        format = _format(session, path, language_id)
        found = session.lint_source(text, path, format)
        return found, session, session.parser_for(path, format).comment, problem

    async def _in_thread(self, fn, *args):
        """Run ``fn`` in a daemon thread (at most two at once). Daemon, so that
        a long lint never holds up the server's exit."""
        loop = asyncio.get_running_loop()
        future = loop.create_future()

        def settle(result, error):
            if not future.done():
                future.set_exception(error) if error else future.set_result(result)

        def work():
            try:
                result, error = fn(*args), None
            except BaseException as exc:  # noqa: BLE001 - handed to the event loop
                result, error = None, exc
            loop.call_soon_threadsafe(settle, result, error)

        async with self._workers:
            threading.Thread(target=work, name="lintnews-lint", daemon=True).start()
            return await future

    async def lint_now(self, doc: OpenDocument) -> LintResult | None:
        """Lint the document's current text; None if it changed meanwhile."""
        version, generation, text = doc.version, self.generation, doc.text
        started = time.perf_counter()
        limit = self.settings.max_document_size
        if limit and len(text) > limit:
            self.warn(f"lintnews: {doc.uri} is not linted: {len(text):,} characters is over the "
                      f"limit of {limit:,} (setting maxDocumentSize)", once=True)
            found, session, comment, problem = [], None, "# {}", None
        else:
            try:
                found, session, comment, problem = await self._in_thread(
                    self._lint, doc.uri, text, doc.path, doc.language_id)
            except Exception as exc:  # noqa: BLE001 - a broken rule plugin must not stop the server
                log.error("linting %s failed", doc.uri, exc_info=exc)
                self.report_server_error(exc, type(exc))
                return None
        log.info("linted %s v%s: %d findings in %.1f ms", doc.uri, version, len(found),
                 (time.perf_counter() - started) * 1000)
        if problem:
            self.warn(problem, once=True)
        if self.documents.get(doc.uri) is not doc or doc.version != version or self.generation != generation:
            return None  # stale: a newer lint will follow
        index = LineIndex(text, self._encoding())
        rules = {r.id: r for r in session.all_rules} if session else {}
        return LintResult(version, generation, index, found,
                          [to_lsp(d, index, rules.get(d.rule)) for d in found], session, comment)

    def schedule(self, doc: OpenDocument, delay: float = 0) -> None:
        doc.dirty = True
        if doc.task is None or doc.task.done():
            doc.task = asyncio.ensure_future(self._lint_loop(doc, delay))

    async def _lint_loop(self, doc: OpenDocument, delay: float) -> None:
        if not self.settings_ready.is_set():
            try:
                await asyncio.wait_for(self.settings_ready.wait(), SETTINGS_WAIT)
            except asyncio.TimeoutError:
                pass
        while doc.dirty and self.documents.get(doc.uri) is doc:
            if delay:
                await asyncio.sleep(delay)
            doc.dirty = False
            result = await self.lint_now(doc)
            if result is None or doc.dirty:
                continue
            doc.result = result
            self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
                uri=doc.uri, diagnostics=result.lsp, version=result.version))

    def _fresh(self, doc: OpenDocument) -> bool:
        r = doc.result
        return r is not None and r.version == doc.version and r.generation == self.generation

    async def result_for(self, uri: str) -> LintResult | None:
        """Findings for the document's current version, waiting a little for a
        lint in progress; None if there are none yet (a request must not hang
        on a huge document)."""
        doc = self.documents.get(uri)
        if doc is None:
            return None
        if not self._fresh(doc):
            if doc.task is None or doc.task.done():
                self.schedule(doc)
            try:
                await asyncio.wait_for(asyncio.shield(doc.task), REQUEST_WAIT)
            except (asyncio.TimeoutError, asyncio.CancelledError):
                pass
        return doc.result if self._fresh(doc) else None

    def _encoding(self) -> str:
        """The position encoding agreed with the client at initialization."""
        try:
            encoding = self.workspace.position_encoding or "utf-16"
        except RuntimeError:  # not initialized
            return "utf-16"
        return getattr(encoding, "value", encoding)

    def is_config_file(self, path: str | None) -> bool:
        if not path:
            return False
        if os.path.basename(path) in CONFIG_FILES:
            return True
        packs = set(self.settings.packs)
        if self._last_good is not None:
            packs.update(p.path for p in self._last_good.packs)
        return os.path.normpath(path) in {os.path.normpath(p) for p in packs}


def _format(session: Session, path: str | None, language_id: str) -> str | None:
    """The input format of a document: None (chosen by file extension), or
    for a document without one (an unsaved buffer) the editor's language id
    if a parser has that name."""
    if path and Path(path).suffix:
        return None
    return language_id if language_id in {p.name for p in session.registry.parsers} else None


def to_lsp(d: Diagnostic, index: LineIndex, rule) -> types.Diagnostic:
    link = getattr(rule, "link", None)
    return types.Diagnostic(
        range=index.range(d.start, d.end), message=d.message,
        severity=SEVERITY.get(d.severity, types.DiagnosticSeverity.Warning),
        code=d.rule, code_description=types.CodeDescription(href=link) if link else None,
        source=SOURCE)


def _path(uri: str) -> str | None:
    try:
        return to_fs_path(uri) if uri.startswith("file:") else None
    except Exception:  # noqa: BLE001 - a malformed URI names no file
        return None


# -- code actions and hover ------------------------------------------------------

def _kind(kind) -> str:
    return getattr(kind, "value", kind)


def _wanted(kind, only) -> bool:
    """Whether a client asking for kinds ``only`` wants an action of ``kind``
    (``source.fixAll`` covers ``source.fixAll.lintnews``)."""
    kind = _kind(kind)
    return not only or any(kind == k or kind.startswith(f"{k}.") for k in map(_kind, only))


def _workspace_edit(server: LintnewsServer, uri: str, version: int, edits: list[types.TextEdit]):
    caps = server.client_capabilities
    versioned = bool(caps.workspace and caps.workspace.workspace_edit
                     and caps.workspace.workspace_edit.document_changes)
    if versioned:  # the client refuses the edit if the text changed since
        return types.WorkspaceEdit(document_changes=[types.TextDocumentEdit(
            text_document=types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version),
            edits=edits)])
    return types.WorkspaceEdit(changes={uri: edits})


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def safe_fixes(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """Safe fixes that do not overlap, first come first served."""
    chosen, end = [], -1
    for d in sorted(diagnostics, key=lambda d: (d.start, d.end)):
        if d.fix is not None and d.fix_safe and d.start >= end:
            chosen.append(d)
            end = max(d.end, d.start + 1) if d.start == d.end else d.end
    return chosen


def suppression_edit(result: LintResult, d: Diagnostic) -> types.TextEdit:
    """Insert ``lintnews-disable-next-line RULE`` as a comment on the line
    above the finding, or add ``, RULE`` to such a comment already there
    (two stacked comments would not work: the first would cover the second)."""
    index, text = result.index, result.index.text
    line = index.line_of(d.start)
    if line > 0:
        above_start = index.starts[line - 1]
        at = _rule_list_end(text[above_start:index.line_end(line - 1)], result.comment)
        if at is not None:
            pos = index.position(above_start + at)
            return types.TextEdit(range=types.Range(start=pos, end=pos), new_text=f", {d.rule}")
    start = index.starts[line]
    line_text = text[start:index.line_end(line)]
    indent = line_text[:len(line_text) - len(line_text.lstrip(" \t"))]
    newline = next((nl for nl in ("\r\n", "\n", "\r") if nl in text), "\n")
    comment = result.comment.format(f"{SUPPRESSION} {d.rule}")
    pos = types.Position(line=line, character=0)
    return types.TextEdit(range=types.Range(start=pos, end=pos), new_text=f"{indent}{comment}{newline}")


def _rule_list_end(line: str, comment: str) -> int | None:
    """If ``line`` is a ``disable-next-line`` comment naming rules, the index
    just after its last rule (before any ``-- reason``); else None."""
    prefix, _, suffix = (part.strip() for part in comment.partition("{}"))
    body_start = len(line) - len(line.lstrip())
    body_end = len(line.rstrip())
    body = line[body_start:body_end]
    if not (body.startswith(prefix) and body.endswith(suffix)) or len(body) < len(prefix) + len(suffix):
        return None
    inner_start = body_start + len(prefix)
    inner = line[inner_start:body_end - len(suffix)]
    m = re.match(rf"\s*{SUPPRESSION}\s+", inner)
    if not m:
        return None
    reason = inner.find("--", m.end())
    rules = inner[m.end():reason if reason >= 0 else len(inner)].rstrip()
    return inner_start + m.end() + len(rules) if rules else None


def code_actions(server: LintnewsServer, uri: str, result: LintResult,
                 params: types.CodeActionParams) -> list[types.CodeAction]:
    only = params.context.only if params.context else None
    start, end = result.index.offset(params.range.start), result.index.offset(params.range.end)
    actions = []
    for d, lsp in zip(result.diagnostics, result.lsp):
        if d.start > end or d.end < start:
            continue
        if d.fix is not None and _wanted(types.CodeActionKind.QuickFix, only):
            title = f"Replace '{_short(d.matched)}' with '{_short(d.fix)}'" if d.fix else \
                f"Delete '{_short(d.matched)}'"
            actions.append(types.CodeAction(
                title=title + ("" if d.fix_safe else " (unsafe fix)"), kind=types.CodeActionKind.QuickFix,
                diagnostics=[lsp], is_preferred=d.fix_safe,
                edit=_workspace_edit(server, uri, result.version,
                                     [types.TextEdit(range=lsp.range, new_text=d.fix)])))
        if _wanted(types.CodeActionKind.QuickFix, only):
            actions.append(types.CodeAction(
                title=f"Disable {d.rule} for this line", kind=types.CodeActionKind.QuickFix,
                diagnostics=[lsp],
                edit=_workspace_edit(server, uri, result.version, [suppression_edit(result, d)])))
    fixes = safe_fixes(result.diagnostics)
    if fixes and _wanted(FIX_ALL, only):
        edits = [types.TextEdit(range=result.index.range(d.start, d.end), new_text=d.fix) for d in fixes]
        actions.append(types.CodeAction(
            title="Fix all safe problems in this file (lintnews)", kind=FIX_ALL,
            edit=_workspace_edit(server, uri, result.version, edits)))
    return actions


def hover_text(result: LintResult, offset: int):
    """The explanation of every rule flagged at ``offset``, and the range."""
    hits = [(d, lsp) for d, lsp in zip(result.diagnostics, result.lsp)
            if d.start <= offset < d.end or d.start == d.end == offset]
    if not hits:
        return None
    parts = []
    for d, _ in hits:
        rule = result.session.rule(d.rule) if result.session else None
        parts.append(f"**{d.message}** (`{d.rule}`)\n\n" + (explain(rule) if rule else ""))
    return "\n\n---\n\n".join(parts), hits[0][1].range


# -- handlers --------------------------------------------------------------------

def create_server(registry=None, defaults: Settings | None = None) -> LintnewsServer:
    server = LintnewsServer(registry, defaults)

    @server.feature(types.INITIALIZE)
    def initialize(ls: LintnewsServer, params: types.InitializeParams):
        root = params.root_uri and _path(params.root_uri) or params.root_path
        if not root and params.workspace_folders:
            root = _path(params.workspace_folders[0].uri)
        ls.root = root
        ls.init_options = params.initialization_options
        ls.configure(ls.init_options)

    @server.feature(types.INITIALIZED)
    async def initialized(ls: LintnewsServer, params: types.InitializedParams):
        try:
            await _register_watchers(ls)
            await _pull_settings(ls)
        finally:
            ls.settings_ready.set()

    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    async def did_change_configuration(ls: LintnewsServer, params: types.DidChangeConfigurationParams):
        pushed = Settings.section(params.settings)
        if pushed is not None:  # the client sent the settings along
            ls.configure(ls.init_options, pushed)
        else:  # "something changed": ask
            await _pull_settings(ls)
        ls.reload()

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched_files(ls: LintnewsServer, params: types.DidChangeWatchedFilesParams):
        if any(ls.is_config_file(_path(change.uri)) for change in params.changes):
            ls.reload()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: LintnewsServer, params: types.DidOpenTextDocumentParams):
        item = params.text_document
        doc = OpenDocument(item.uri, item.version, item.text, item.language_id, _path(item.uri))
        old = ls.documents.get(item.uri)
        if old and old.task:
            old.task.cancel()
        ls.documents[item.uri] = doc
        ls.schedule(doc)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: LintnewsServer, params: types.DidChangeTextDocumentParams):
        doc = ls.documents.get(params.text_document.uri)
        if doc is None:
            log.warning("change to a document that is not open: %s", params.text_document.uri)
            return
        encoding = ls._encoding()
        for change in params.content_changes:
            doc.text = apply_change(doc.text, change, encoding)
        doc.version = params.text_document.version
        ls.schedule(doc, ls.settings.debounce_ms / 1000)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE, types.SaveOptions(include_text=False))
    def did_save(ls: LintnewsServer, params: types.DidSaveTextDocumentParams):
        uri = params.text_document.uri
        if ls.is_config_file(_path(uri)):
            ls.reload()
        elif uri in ls.documents:
            ls.schedule(ls.documents[uri])

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: LintnewsServer, params: types.DidCloseTextDocumentParams):
        doc = ls.documents.pop(params.text_document.uri, None)
        if doc and doc.task:
            doc.task.cancel()
        ls.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[]))

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL]))
    async def code_action(ls: LintnewsServer, params: types.CodeActionParams):
        result = await ls.result_for(params.text_document.uri)
        return code_actions(ls, params.text_document.uri, result, params) if result else []

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    async def hover(ls: LintnewsServer, params: types.HoverParams):
        result = await ls.result_for(params.text_document.uri)
        found = result and hover_text(result, result.index.offset(params.position))
        if not found:
            return None
        text, hover_range = found
        return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text),
                           range=hover_range)

    @server.feature(types.SHUTDOWN)
    def shutdown(ls: LintnewsServer, params):
        for doc in ls.documents.values():
            if doc.task:
                doc.task.cancel()

    return server


async def _pull_settings(ls: LintnewsServer) -> None:
    """Ask the client for its ``lintnews`` settings (if it can answer)."""
    caps = ls.client_capabilities.workspace
    if not (caps and caps.configuration):
        return
    try:
        answer = await asyncio.wait_for(ls.workspace_configuration_async(types.ConfigurationParams(
            items=[types.ConfigurationItem(section="lintnews", scope_uri=None)])), SETTINGS_WAIT)
    except Exception as exc:  # noqa: BLE001 - a client that cannot answer keeps the defaults
        log.warning("workspace/configuration failed: %s", exc)
        return
    ls.configure(ls.init_options, answer[0] if answer else None)


async def _register_watchers(ls: LintnewsServer) -> None:
    """Ask the client to report changes to configuration and pack files."""
    caps = ls.client_capabilities.workspace
    if not (caps and caps.did_change_watched_files and caps.did_change_watched_files.dynamic_registration):
        return
    options = types.DidChangeWatchedFilesRegistrationOptions(
        watchers=[types.FileSystemWatcher(glob_pattern=glob) for glob in WATCHED])
    try:
        await asyncio.wait_for(ls.client_register_capability_async(types.RegistrationParams(registrations=[
            types.Registration(id="lintnews-watch", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                               register_options=options)])), SETTINGS_WAIT)
    except Exception as exc:  # noqa: BLE001
        log.warning("could not register file watchers: %s", exc)
