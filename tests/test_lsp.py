"""The language server as editors meet it: a real LSP client (pytest-lsp)
starts ``python -m lintnews lsp`` and talks to it over stdio."""
from __future__ import annotations

import asyncio
import json
import socket
import sys

import pytest

pytest.importorskip("pytest_lsp")

import pytest_lsp  # noqa: E402
from lsprotocol import types  # noqa: E402
from pygls.protocol import default_converter  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities  # noqa: E402
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features  # noqa: E402

pytestmark = [pytest.mark.slow, pytest.mark.asyncio]

SERVER = [sys.executable, "-m", "lintnews", "lsp"]
EMOJI_LINE = "😀 The death tool rose, officials said."

# Rules written for these tests (the typo pack ships separately).
PACK = """\
pack: lsptest
description: Rules for the language server tests.
rules:
  - id: lsptest.death-toll
    type: substitution
    category: typo
    severity: error
    message: "'{match}' should be '{fix}'"
    description: A casualty count is a toll, not a tool.
    link: https://example.org/lintnews/death-toll
    swap:
      "death tool": death toll
    examples:
      flag: ["The death tool rose."]
      pass: ["The death toll rose."]
  - id: lsptest.toll
    type: substitution
    category: typo
    severity: warning
    message: "'{match}' should be '{fix}'"
    description: Only the wrong word is flagged and replaced.
    swap:
      "death [tool]": toll
    examples:
      flag: ["The death tool rose."]
      pass: ["The death toll rose."]
  - id: lsptest.alot
    type: substitution
    category: style
    severity: info
    fix: unsafe
    message: "'{match}' should be '{fix}'"
    description: Two words.
    swap:
      alot: a lot
    examples:
      flag: ["They spent alot."]
      pass: ["They spent a lot."]
"""


# -- the client ------------------------------------------------------------------

def _record_diagnostics(client: LanguageClient, params: types.PublishDiagnosticsParams):
    client.diagnostics[params.uri] = params.diagnostics
    client.published.append(params)


def _record_registration(client: LanguageClient, params: types.RegistrationParams):
    client.registrations.extend(params.registrations)


def make_client() -> LanguageClient:
    """pytest-lsp's client, also keeping every diagnostics notification (not
    just the latest) and capability registrations."""
    client = LanguageClient(converter_factory=default_converter)
    client.published, client.registrations = [], []
    register_lsp_features(client, {**DEFAULT_CLIENT_FEATURES,
                                   types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS: _record_diagnostics,
                                   types.CLIENT_REGISTER_CAPABILITY: _record_registration})
    return client


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER, client_factory=make_client))
async def client(lsp_client: LanguageClient):
    yield
    server = lsp_client._server  # pygls' handle on the server process
    try:
        if lsp_client.capabilities is not None:
            # shutdown + exit: the server must stop promptly, even mid-lint.
            await asyncio.wait_for(lsp_client.shutdown_session(), 10)
            assert server.returncode == 0
    finally:
        if server.returncode is None:  # pytest-lsp would wait for it forever
            server.kill()


@pytest.fixture
def pack(tmp_path):
    path = tmp_path / "lsptest.yaml"
    path.write_text(PACK, encoding="utf-8")
    return path


async def start(client, tmp_path, options=None, capabilities="visual-studio-code"):
    caps = client_capabilities(capabilities) if isinstance(capabilities, str) else capabilities
    return await client.initialize_session(types.InitializeParams(
        capabilities=caps, root_uri=tmp_path.as_uri(), initialization_options=options))


def open_doc(client, uri, text, language_id="plaintext", version=1):
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id=language_id, version=version, text=text)))


def change(client, uri, version, start, end, text):
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[types.TextDocumentContentChangePartial(
            range=types.Range(start=types.Position(*start), end=types.Position(*end)), text=text)]))


async def published(client, uri, version=None, after=0, timeout=15.0):
    """The first diagnostics notification for ``uri`` (at ``version``) among
    those received since the ``after``-th."""
    async def wait():
        while True:
            for params in client.published[after:]:
                if params.uri == uri and (version is None or params.version == version):
                    return params
            await asyncio.sleep(0.01)
    return await asyncio.wait_for(wait(), timeout)


async def eventually(condition, timeout=10.0):
    async def wait():
        while not condition():
            await asyncio.sleep(0.01)
    await asyncio.wait_for(wait(), timeout)


def edits_of(edit: types.WorkspaceEdit, uri):
    if edit.document_changes:
        (change,) = edit.document_changes
        assert change.text_document.uri == uri
        return change.edits
    return edit.changes[uri]


def apply_edits(text: str, edits, encoding="utf-16") -> str:
    """Apply LSP text edits the way an editor does (lines split at \\n only,
    characters in code units of ``encoding``)."""
    lines = text.split("\n")
    width = {"utf-16": 2, "utf-8": 1, "utf-32": 4}[encoding]
    codec = {"utf-16": "utf-16-le", "utf-8": "utf-8", "utf-32": "utf-32-le"}[encoding]

    def offset(pos):
        before = sum(len(line) + 1 for line in lines[:pos.line])
        return before + len(lines[pos.line].encode(codec)[:width * pos.character].decode(codec))

    for e in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        text = text[:offset(e.range.start)] + e.new_text + text[offset(e.range.end):]
    return text


async def actions_at(client, uri, diagnostic, only=None):
    return await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=diagnostic.range,
        context=types.CodeActionContext(diagnostics=[diagnostic], only=only)))


# -- positions and quick fixes -------------------------------------------------------

@pytest.mark.parametrize("editor, encoding, column", [
    ("visual-studio-code", "utf-16", 7),   # the emoji is two UTF-16 code units
    ("neovim@v0.11.0", "utf-8", 9),        # Neovim 0.11 prefers UTF-8: four bytes
    ("emacs", "utf-32", 6),                # Emacs 29 prefers UTF-32: one code point
])
async def test_emoji_does_not_shift_the_finding_and_the_quick_fix_inserts_death_toll(
        client, tmp_path, pack, editor, encoding, column):
    result = await start(client, tmp_path, {"packs": [str(pack)], "select": ["lsptest.death-toll"]}, editor)
    assert result.capabilities.position_encoding == encoding
    uri = (tmp_path / "story.txt").as_uri()
    open_doc(client, uri, EMOJI_LINE + "\n")
    (diag,) = (await published(client, uri, version=1)).diagnostics
    assert diag.range == types.Range(start=types.Position(0, column), end=types.Position(0, column + 10))
    assert diag.code == "lsptest.death-toll" and diag.source == "lintnews"
    assert diag.code_description.href == "https://example.org/lintnews/death-toll"
    assert diag.severity == types.DiagnosticSeverity.Error
    assert diag.message == "'death tool' should be 'death toll'"

    actions = await actions_at(client, uri, diag)
    (fix,) = [a for a in actions if a.is_preferred]
    assert fix.kind == types.CodeActionKind.QuickFix and list(fix.diagnostics) == [diag]
    (edit,) = edits_of(fix.edit, uri)
    assert edit.new_text == "death toll"
    assert apply_edits(EMOJI_LINE, [edit], encoding) == "😀 The death toll rose, officials said."


async def test_a_bracketed_rule_flags_and_replaces_only_the_wrong_word(client, tmp_path, pack):
    await start(client, tmp_path, {"packs": [str(pack)], "select": ["lsptest.toll"]})
    uri = (tmp_path / "story.txt").as_uri()
    open_doc(client, uri, EMOJI_LINE)
    (diag,) = (await published(client, uri)).diagnostics
    assert (diag.range.start.character, diag.range.end.character) == (13, 17)  # "tool", after 😀
    assert diag.severity == types.DiagnosticSeverity.Warning and diag.code_description is None
    (fix,) = [a for a in await actions_at(client, uri, diag) if a.is_preferred]
    assert fix.title == "Replace 'tool' with 'toll'"
    assert apply_edits(EMOJI_LINE, edits_of(fix.edit, uri)) == "😀 The death toll rose, officials said."
    # The edit names the document version it was computed for.
    assert fix.edit.document_changes[0].text_document.version == 1


# -- keeping up with the editor ------------------------------------------------------

async def test_incremental_changes_are_linted_and_published_with_their_version(client, tmp_path, pack):
    await start(client, tmp_path, {"packs": [str(pack)], "select": ["lsptest.toll"]})
    uri = (tmp_path / "story.txt").as_uri()
    open_doc(client, uri, "Officials said.\n😀 The count rose.\n")
    assert (await published(client, uri, version=1)).diagnostics == ()
    change(client, uri, 2, (1, 7), (1, 12), "death tool")  # "count" → "death tool"
    (diag,) = (await published(client, uri, version=2)).diagnostics
    assert diag.range == types.Range(start=types.Position(1, 13), end=types.Position(1, 17))
    change(client, uri, 3, (1, 13), (1, 17), "toll")
    assert (await published(client, uri, version=3)).diagnostics == ()


async def test_line_separators_inside_a_line_do_not_shift_later_lines(client, tmp_path, pack):
    # U+2028 and form feeds are not line breaks in LSP (nor in editors).
    await start(client, tmp_path, {"packs": [str(pack)], "select": ["lsptest.toll"]})
    uri = (tmp_path / "story.txt").as_uri()
    open_doc(client, uri, "Intro\u2028still the first line\x0c.\nThe count rose.\n")
    await published(client, uri, version=1)
    change(client, uri, 2, (1, 4), (1, 9), "death tool")
    (diag,) = (await published(client, uri, version=2)).diagnostics
    assert diag.range == types.Range(start=types.Position(1, 10), end=types.Position(1, 14))


async def test_saving_relints(client, tmp_path, pack):
    await start(client, tmp_path, {"packs": [str(pack)], "select": ["lsptest"]})
    uri = (tmp_path / "story.txt").as_uri()
    open_doc(client, uri, "The death tool rose.")
    await published(client, uri)
    before = len(client.published)
    client.text_document_did_save(types.DidSaveTextDocumentParams(
        text_document=types.TextDocumentIdentifier(uri=uri)))
    again = await published(client, uri, after=before)
    # the two rules give the same edit: one finding, the more severe rule's
    assert again.version == 1 and [d.code for d in again.diagnostics] == ["lsptest.death-toll"]


async def test_edits_faster_than_linting_never_publish_a_stale_result(client, tmp_path, pack):
    await start(client, tmp_path, {"packs": [str(pack)], "select": ["lsptest.toll"]})
    uri = (tmp_path / "article.txt").as_uri()
    paragraph = "The council met on Tuesday and the mayor said the budget would pass. " * 10
    article = "\n\n".join([paragraph] * 40) + "\n"  # 3,200 words, no findings
    last_line = article.count("\n")
    open_doc(client, uri, article)
    await published(client, uri, version=1)
    start_at = len(client.published)
    # Each edit adds one finding: version v has v - 1 of them.
    for version in range(2, 42):
        change(client, uri, version, (last_line, 0), (last_line, 0), "The death tool rose. ")
    final = await published(client, uri, version=41, after=start_at)
    assert len(final.diagnostics) == 40
    versions = [p.version for p in client.published[start_at:] if p.uri == uri]
    assert versions == sorted(versions) and versions[-1] == 41
    for params in client.published[start_at:]:
        assert len(params.diagnostics) == params.version - 1  # each result matches its version


async def test_with_a_debounce_a_burst_of_edits_is_linted_once(client, tmp_path, pack):
    await start(client, tmp_path, {"packs": [str(pack)], "select": ["lsptest.toll"], "debounceMs": 500})
    uri = (tmp_path / "story.txt").as_uri()
    open_doc(client, uri, "The count rose.\n")
    await published(client, uri, version=1)
    before = len(client.published)
    for version in range(2, 12):  # ten keystrokes well inside the 500 ms
        change(client, uri, version, (0, 0), (0, 0), "death tool " if version == 11 else "x")
    (diag,) = (await published(client, uri, version=11, after=before)).diagnostics
    await asyncio.sleep(0.3)
    assert [p.version for p in client.published[before:]] == [11]


async def test_closing_a_document_clears_its_diagnostics(client, tmp_path, pack):
    await start(client, tmp_path, {"packs": [str(pack)]})
    uri = (tmp_path / "story.txt").as_uri()
    open_doc(client, uri, EMOJI_LINE)
    assert (await published(client, uri)).diagnostics
    before = len(client.published)
    client.text_document_did_close(types.DidCloseTextDocumentParams(
        text_document=types.TextDocumentIdentifier(uri=uri)))
    assert (await published(client, uri, after=before)).diagnostics == ()
    assert await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(0, 8))) is None


# -- code actions and hover ---------------------------------------------------------

async def test_disable_rule_for_this_line_inserts_a_suppression_comment(client, tmp_path, pack):
    await start(client, tmp_path, {"packs": [str(pack)], "select": ["lsptest"]})
    uri = (tmp_path / "story.txt").as_uri()
    text = "Intro.\n    The death tool rose.\n"
    open_doc(client, uri, text)
    # the two rules give the same edit: one finding, the more severe rule's
    diags = (await published(client, uri)).diagnostics
    assert [d.code for d in diags] == ["lsptest.death-toll"]
    (disable,) = [a for a in await actions_at(client, uri, diags[0])
                  if a.title == "Disable lsptest.death-toll for this line"]
    assert disable.kind == types.CodeActionKind.QuickFix and not disable.is_preferred
    text = apply_edits(text, edits_of(disable.edit, uri))
    assert text == "Intro.\n    # lintnews-disable-next-line lsptest.death-toll\n    The death tool rose.\n"
    # Silencing one rule does not silence the other: its finding shows, and
    # disabling it too joins the comment rather than stacking another.
    change(client, uri, 2, (1, 0), (1, 0), "    # lintnews-disable-next-line lsptest.death-toll\n")
    diags = (await published(client, uri, version=2)).diagnostics
    other = next(d for d in diags if d.code == "lsptest.toll")
    (disable,) = [a for a in await actions_at(client, uri, other)
                  if a.title == "Disable lsptest.toll for this line"]
    assert apply_edits(text, edits_of(disable.edit, uri)) == \
        "Intro.\n    # lintnews-disable-next-line lsptest.death-toll, lsptest.toll\n    The death tool rose.\n"


@pytest.mark.parametrize("name, comment", [
    ("story.txt", "# lintnews-disable-next-line lsptest.death-toll"),
    ("story.md", "<!-- lintnews-disable-next-line lsptest.death-toll -->"),
])
async def test_the_disable_comment_silences_the_finding(client, tmp_path, pack, name, comment):
    # Needs inline suppressions (lintnews.suppression) and, for .md, the Markdown parser.
    pytest.importorskip("lintnews.suppression")
    if name.endswith(".md"):
        pytest.importorskip("lintnews.parsers.markdown")
    await start(client, tmp_path, {"packs": [str(pack)], "select": ["lsptest"]})
    uri = (tmp_path / name).as_uri()
    text = "Intro.\n\nThe death tool rose.\n"
    open_doc(client, uri, text, language_id="markdown" if name.endswith(".md") else "plaintext")
    # lsptest.toll gives the same edit: reported once, as the more severe rule
    (found,) = (await published(client, uri)).diagnostics
    assert found.code == "lsptest.death-toll"
    (disable,) = [a for a in await actions_at(client, uri, found)
                  if a.title == "Disable lsptest.death-toll for this line"]
    text = apply_edits(text, edits_of(disable.edit, uri))
    assert text == f"Intro.\n\n{comment}\nThe death tool rose.\n"
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))
    # the silenced rule's finding is gone; the other rule's is not
    assert [d.code for d in (await published(client, uri, version=2)).diagnostics] == ["lsptest.toll"]


async def test_fix_all_applies_every_safe_fix_and_no_unsafe_one(client, tmp_path, pack):
    await start(client, tmp_path, {"packs": [str(pack)], "select": ["lsptest.toll", "lsptest.alot"]})
    uri = (tmp_path / "story.txt").as_uri()
    text = "😀 The death tool rose.\nIt cost alot.\nThe death tool fell.\n"
    open_doc(client, uri, text)
    diags = (await published(client, uri)).diagnostics
    assert len(diags) == 3
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        range=types.Range(start=types.Position(0, 0), end=types.Position(0, 0)),
        context=types.CodeActionContext(diagnostics=[], only=[types.CodeActionKind.SourceFixAll])))
    (fix_all,) = actions
    assert fix_all.kind == "source.fixAll.lintnews"
    assert apply_edits(text, edits_of(fix_all.edit, uri)) == \
        "😀 The death toll rose.\nIt cost alot.\nThe death toll fell.\n"
    # The unsafe fix is offered on its own, but not as the preferred action.
    alot = next(d for d in diags if d.code == "lsptest.alot")
    (unsafe,) = [a for a in await actions_at(client, uri, alot) if a.title.startswith("Replace")]
    assert unsafe.title == "Replace 'alot' with 'a lot' (unsafe fix)" and not unsafe.is_preferred


async def test_hover_on_a_flagged_span_explains_the_rule(client, tmp_path, pack):
    await start(client, tmp_path, {"packs": [str(pack)], "select": ["lsptest.death-toll"]})
    uri = (tmp_path / "story.txt").as_uri()
    open_doc(client, uri, EMOJI_LINE)
    (diag,) = (await published(client, uri)).diagnostics

    async def hover(character):
        return await client.text_document_hover_async(types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(0, character)))

    found = await hover(12)
    assert found.range == diag.range and found.contents.kind == types.MarkupKind.Markdown
    text = found.contents.value
    assert "# lsptest.death-toll" in text and "## Why is this bad?" in text
    assert "A casualty count is a toll, not a tool." in text
    assert "https://example.org/lintnews/death-toll" in text
    assert await hover(2) is None  # "The" is not flagged


# -- configuration -------------------------------------------------------------------

async def test_workspace_settings_are_read_at_start_and_on_change(client, tmp_path, pack):
    client.set_configuration({"packs": [str(pack)], "select": ["lsptest.toll"]}, section="lintnews")
    await start(client, tmp_path)
    uri = (tmp_path / "story.txt").as_uri()
    open_doc(client, uri, "The death tool rose. The strikes are clearly working.")
    assert [d.code for d in (await published(client, uri)).diagnostics] == ["lsptest.toll"]
    # Pull model: the client says "something changed", the server asks.
    client.set_configuration({"packs": [str(pack)], "select": ["lsptest.death-toll", "loaded"]},
                             section="lintnews")
    before = len(client.published)
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings=None))
    again = await published(client, uri, after=before)
    assert [d.code for d in again.diagnostics] == ["lsptest.death-toll", "loaded.editorializing-adverbs"]
    # Push model: the settings come with the notification.
    before = len(client.published)
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(
        settings={"lintnews": {"packs": [str(pack)], "ignore": ["lsptest", "attribution", "typos", "typos-context"]}}))
    again = await published(client, uri, after=before)
    assert [d.code for d in again.diagnostics] == ["loaded.editorializing-adverbs"]


async def test_relative_pack_paths_and_cli_defaults(client, tmp_path, pack):
    # Relative paths in settings are relative to the workspace root.
    await start(client, tmp_path, {"lintnews": {"packs": ["lsptest.yaml"], "select": "lsptest.toll"}},
                capabilities="neovim@v0.7.0")  # no workspace/configuration support
    uri = (tmp_path / "story.txt").as_uri()
    open_doc(client, uri, "The death tool rose.")
    assert [d.code for d in (await published(client, uri)).diagnostics] == ["lsptest.toll"]


async def test_a_changed_pack_file_reloads_the_rules(client, tmp_path, pack):
    await start(client, tmp_path, {"packs": [str(pack)], "select": ["lsptest.toll"]})
    await eventually(lambda: any(r.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES
                                 for r in client.registrations))
    uri = (tmp_path / "story.txt").as_uri()
    open_doc(client, uri, "The death tool rose. The death tally fell.")
    assert len((await published(client, uri)).diagnostics) == 1
    pack.write_text(PACK.replace('"death [tool]": toll', '"death [tool]": toll\n      "death [tally]": toll'))
    before = len(client.published)
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[
        types.FileEvent(uri=pack.as_uri(), type=types.FileChangeType.Changed)]))
    assert len((await published(client, uri, after=before)).diagnostics) == 2
    # An unrelated file does not reload anything.
    before = len(client.published)
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[
        types.FileEvent(uri=(tmp_path / "other.yaml").as_uri(), type=types.FileChangeType.Created)]))
    await asyncio.sleep(0.3)
    assert len(client.published) == before


async def test_the_workspace_configuration_file_applies_and_reloads(client, tmp_path, pack):
    """`.lintnews.yaml` beside the document applies as on the command line,
    and an edit to it (a watched file) reloads the rules."""
    config = tmp_path / ".lintnews.yaml"
    config.write_text(f"packs: [{pack.name}]\nselect: [lsptest.toll]\n")
    await start(client, tmp_path)
    uri = (tmp_path / "story.txt").as_uri()
    open_doc(client, uri, "The death tool rose.")
    (diag,) = (await published(client, uri)).diagnostics
    assert diag.code == "lsptest.toll"
    config.write_text(f"packs: [{pack.name}]\nselect: [lsptest.toll]\nignore: [lsptest.toll]\n")
    before = len(client.published)
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[
        types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Changed)]))
    assert list((await published(client, uri, after=before)).diagnostics) == []


async def test_a_broken_pack_is_reported_and_linting_goes_on(client, tmp_path, pack):
    broken = tmp_path / "broken.yaml"
    broken.write_text("pack: broken\nrules:\n  - id: broken.x\n    type: nosuch\n")
    await start(client, tmp_path, {"packs": [str(broken)], "select": ["loaded"], "debounceMs": "soon"})
    uri = (tmp_path / "story.txt").as_uri()
    open_doc(client, uri, "The strikes are clearly working.")
    diags = (await published(client, uri)).diagnostics
    assert diags  # linted with the default rules
    messages = [m.message for m in client.messages]
    assert any(f"{broken}:4: unknown rule type 'nosuch'" in m for m in messages), messages
    assert any("'debounceMs' must be a number" in m for m in messages), messages


# -- bad input -------------------------------------------------------------------------

async def test_unknown_documents_and_huge_documents_do_not_stop_the_server(client, tmp_path, pack):
    await start(client, tmp_path, {"packs": [str(pack)], "select": ["lsptest.toll"]})
    nowhere = types.TextDocumentIdentifier(uri=(tmp_path / "nowhere.txt").as_uri())
    assert await client.text_document_hover_async(types.HoverParams(
        text_document=nowhere, position=types.Position(0, 0))) is None
    assert await client.text_document_code_action_async(types.CodeActionParams(
        text_document=nowhere, range=types.Range(start=types.Position(0, 0), end=types.Position(0, 0)),
        context=types.CodeActionContext(diagnostics=[]))) == ()
    change(client, nowhere.uri, 2, (0, 0), (0, 0), "text")
    # A 5 MB document is not linted as you type; the user is told why.
    huge = (tmp_path / "huge.txt").as_uri()
    open_doc(client, huge, ("The death tool rose. " * 50 + "\n") * 5_000)
    assert (await published(client, huge)).diagnostics == ()
    assert any("huge.txt is not linted" in m.message for m in client.messages)
    change(client, huge, 2, (0, 0), (0, 0), "x")
    # ... and other documents are still served.
    uri = (tmp_path / "story.txt").as_uri()
    open_doc(client, uri, "The death tool rose.")
    assert len((await published(client, uri)).diagnostics) == 1


async def test_a_bad_tcp_address_is_a_usage_error(run_cli):
    status, _, err = run_cli("lsp", "--tcp", "localhost")
    assert status == 2 and "--tcp wants HOST:PORT" in err


class RawConnection:
    """Bare JSON-RPC over a stream: for what a well-behaved client cannot
    send, and for TCP, which pytest-lsp does not speak."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter):
        self.reader, self.writer = reader, writer

    def send(self, message) -> None:
        body = message if isinstance(message, bytes) else json.dumps(message).encode()
        self.writer.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def notify(self, method, params) -> None:
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    async def request(self, id, method, params=None) -> dict:
        self.send({"jsonrpc": "2.0", "id": id, "method": method, "params": params})
        return await asyncio.wait_for(self.receive(id), 15)

    async def receive(self, want_id) -> dict:
        while True:
            length = 0
            while (line := await self.reader.readline()) not in (b"\r\n", b""):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            if not length:
                raise EOFError("the server closed the connection")
            message = json.loads(await self.reader.readexactly(length))
            if message.get("id") == want_id:
                return message

    async def initialize(self) -> None:
        assert "capabilities" in (await self.request(1, "initialize", {"capabilities": {}}))["result"]
        self.notify("initialized", {})

    async def lint_and_exit(self, tmp_path) -> None:
        """Open a document, hover on its finding, shut down and exit."""
        uri = (tmp_path / "a.txt").as_uri()
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "plaintext", "version": 1, "text": "The strikes are clearly working."}})
        hover = (await self.request(3, "textDocument/hover", {
            "textDocument": {"uri": uri}, "position": {"line": 0, "character": 18}}))["result"]
        assert "loaded.editorializing-adverbs" in hover["contents"]["value"]
        await self.request(4, "shutdown")
        self.notify("exit", None)


async def stopped(proc) -> int:
    try:
        return await asyncio.wait_for(proc.wait(), 15)
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()


async def test_malformed_messages_get_an_error_and_the_server_keeps_going(tmp_path):
    proc = await asyncio.create_subprocess_exec(*SERVER, stdin=asyncio.subprocess.PIPE,
                                                stdout=asyncio.subprocess.PIPE)
    try:
        raw = RawConnection(proc.stdout, proc.stdin)
        await raw.initialize()
        raw.send(b"{not json")
        raw.notify("textDocument/didOpen", {"textDocument": 42})
        error = (await raw.request(2, "textDocument/hover", {"textDocument": 5}))["error"]
        assert error["code"] == -32602 and "textDocument/hover" in error["message"]
        await raw.lint_and_exit(tmp_path)
    finally:
        assert await stopped(proc) == 0


async def test_the_server_listens_on_tcp(tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = await asyncio.create_subprocess_exec(*SERVER, "--tcp", f"127.0.0.1:{port}")
    try:
        for _ in range(300):  # until it listens
            try:
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
                break
            except OSError:
                await asyncio.sleep(0.05)
        raw = RawConnection(reader, writer)
        await raw.initialize()
        await raw.lint_and_exit(tmp_path)
        writer.close()
    finally:
        assert await stopped(proc) == 0


# -- under load ------------------------------------------------------------------------

class Listener(RawConnection):
    """A raw connection whose reader runs all the time, as an editor's does:
    it keeps every notification and response, so the server is never held
    up writing to a full pipe while the test writes a burst."""

    def __init__(self, reader, writer):
        super().__init__(reader, writer)
        self.notifications: list[dict] = []
        self.responses: dict[object, dict] = {}
        self.task = asyncio.ensure_future(self._read_all())

    async def _read_all(self):
        while True:
            length = 0
            while (line := await self.reader.readline()) not in (b"\r\n", b""):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            if not length:
                return  # the server closed the connection
            message = json.loads(await self.reader.readexactly(length))
            if "method" in message and "id" not in message:
                self.notifications.append(message)
            elif "id" in message and "method" not in message:
                self.responses[message["id"]] = message

    async def request(self, id, method, params=None) -> dict:
        self.send({"jsonrpc": "2.0", "id": id, "method": method, "params": params})
        await self.writer.drain()
        await eventually(lambda: id in self.responses or self.task.done(), 30)
        assert id in self.responses, f"the server stopped before answering {method}"
        return self.responses[id]

    def published(self, uri) -> list[dict]:
        return [n["params"] for n in self.notifications
                if n["method"] == "textDocument/publishDiagnostics" and n["params"]["uri"] == uri]


def utf16_position(text: str, offset: int) -> dict:
    """The LSP position of ``offset`` (lines end at \\n only in these texts)."""
    line = text.count("\n", 0, offset)
    start = text.rfind("\n", 0, offset) + 1
    return {"line": line, "character": len(text[start:offset].encode("utf-16-le")) // 2}


def where(position: dict) -> tuple[int, int]:
    return position["line"], position["character"]


# What the burst types: findings (the pack's "death tool"), emoji (two UTF-16
# units each), accents, line breaks, and plain words.
BURST_PIECES = ["The death tool rose. ", "death tool", "😀", "🇬🇧 ", "café ", "\n", "\n\n", "said ", "x",
                "Ünïcödé ", "“quoted” ", "e\u0301 ", "toll "]

MALFORMED = [
    b"{not json",
    b"[]",
    b"42",
    b'"a string"',
    b"null",
    b'{"jsonrpc": "2.0"}',
    b'{"jsonrpc": "2.0", "method": 7}',
    b'{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": "nonsense"}',
    b'{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": 5}}',
    b'{"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": 42}}}',
    b'{"jsonrpc": "2.0", "method": "no/suchNotification", "params": {}}',
    b'{"jsonrpc": "2.0", "method": "$/cancelRequest", "params": {"id": 123456}}',
    b'{"jsonrpc": "2.0", "id": 1, "result": "an answer to nothing"}',
    b'{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": '
    b'{"uri": "file:///nowhere/never-opened.txt", "version": 2}, "contentChanges": [{"text": "x"}]}}',
    '{"jsonrpc": "2.0", "method": "textDocument/didSave", "params": {"textDocument": {"uri": "\udcff"}}}'
    .encode("utf-8", "surrogatepass"),  # not UTF-8
    b"\xff\xfe\x00garbage",
    b'{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": '
    b'"file:///x.txt", "version": 1}, "contentChanges": [{"range": {"start": {"line": -1}}, "text": 1}]}}',
    b"[" * 100_000 + b"]" * 100_000,  # nested too deeply for the JSON parser
]
# Framing noise between messages: header lines the server must skip without
# losing the message that follows.
FRAMING_NOISE = [b"X-Nonsense: yes\r\n", b"\r\n", b"Content-Length: many\r\n\r\n",
                 b"Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n"]


async def test_a_burst_of_thousands_of_edits_and_malformed_messages_leaves_the_server_up(tmp_path, pack):
    """Three documents edited 3,000 times in all, as fast as the pipe takes
    it, with malformed messages, bad requests and framing noise mixed in:
    the server answers every request, publishes the diagnostics of each
    document's final text, and exits cleanly when asked."""
    import random
    from lintnews.api import Session

    stderr = open(tmp_path / "server.log", "w+b")
    proc = await asyncio.create_subprocess_exec(
        *SERVER, "--pack", str(pack), "--select", "lsptest.toll", stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE, stderr=stderr, limit=2**24)
    raw = Listener(proc.stdout, proc.stdin)
    try:
        await raw.initialize()
        rng = random.Random(2024)
        uris = [(tmp_path / f"story{i}.txt").as_uri() for i in range(3)]
        texts = {uri: "The count rose.\n" for uri in uris}
        versions = {uri: 1 for uri in uris}
        for uri in uris:
            raw.notify("textDocument/didOpen", {"textDocument": {
                "uri": uri, "languageId": "plaintext", "version": 1, "text": texts[uri]}})
        request_id, expected_errors, noise = 100, [], 0
        for step in range(3000):
            uri = rng.choice(uris)
            text = texts[uri]
            start = rng.randrange(len(text) + 1)
            while start and 0xDC00 <= ord(text[start - 1]) <= 0xDFFF:  # never split a character
                start -= 1
            end = min(len(text), start + (rng.randrange(12) if rng.random() < 0.4 else 0))
            new = rng.choice(BURST_PIECES)
            if len(text) > 3000:  # keep the documents an article's size
                start, end, new = 0, rng.randrange(1000, 2000), ""
            versions[uri] += 1
            raw.notify("textDocument/didChange", {
                "textDocument": {"uri": uri, "version": versions[uri]},
                "contentChanges": [{"range": {"start": utf16_position(text, start),
                                              "end": utf16_position(text, end)}, "text": new}]})
            texts[uri] = text[:start] + new + text[end:]
            if step % 10 == 0:
                raw.send(MALFORMED[(step // 10) % len(MALFORMED)])
            if step % 37 == 0:
                raw.writer.write(FRAMING_NOISE[noise % len(FRAMING_NOISE)])
                noise += 1
            if step % 50 == 0:  # a request the server cannot make sense of gets an error
                request_id += 1
                raw.send({"jsonrpc": "2.0", "id": request_id, "method": "textDocument/hover",
                          "params": {"textDocument": uri, "position": "here"}})
                expected_errors.append(request_id)
            if step % 100 == 0:
                await raw.writer.drain()
        await raw.writer.drain()

        # Still answering: every bad request got its error ...
        await eventually(lambda: all(i in raw.responses for i in expected_errors) or raw.task.done(), 60)
        assert proc.returncode is None, "the server died"
        for i in expected_errors:
            assert raw.responses[i]["error"]["code"] == -32602
        # ... unknown requests are refused, and a real one is answered.
        unknown = await raw.request(90, "no/suchRequest", {})
        assert unknown["error"]["code"] == -32601
        # Each document's last published diagnostics are those of its final text.
        session = Session(packs=[str(pack)], select=["lsptest.toll"])
        for uri in uris:
            await eventually(lambda: any(p.get("version") == versions[uri] for p in raw.published(uri)), 60)
            final = raw.published(uri)[-1]
            assert final["version"] == versions[uri]
            text = texts[uri]
            expected = sorted((d.rule, *where(utf16_position(text, d.start)), *where(utf16_position(text, d.end)))
                              for d in session.lint_source(text, "a.txt"))
            got = sorted((d["code"], *where(d["range"]["start"]), *where(d["range"]["end"]))
                         for d in final["diagnostics"])
            assert got == expected and expected, uri
            versions_seen = [p["version"] for p in raw.published(uri)]
            assert versions_seen == sorted(versions_seen)  # never a stale result after a newer one
        # A hover on the last finding of the first document is answered from the final text.
        text = texts[uris[0]]
        last = session.lint_source(text, "a.txt")[-1]
        hover = (await raw.request(91, "textDocument/hover", {
            "textDocument": {"uri": uris[0]}, "position": utf16_position(text, last.start + 1)}))["result"]
        assert "lsptest.toll" in hover["contents"]["value"]
        await raw.request(92, "shutdown")
        raw.notify("exit", None)
        await raw.writer.drain()
    finally:
        assert await stopped(proc) == 0
        stderr.seek(0)
        log = stderr.read().decode("utf-8", "replace")
        stderr.close()
    assert "Unable to handle message" in log and "RecursionError" in log  # the malformed messages were seen
    assert "change to a document that is not open: file:///nowhere/never-opened.txt" in log
    assert "FeatureNotificationError: KeyError" not in log  # pygls failing on it
    # Logged for the editor's log, not a pop-up per bad message.
    assert not [n for n in raw.notifications if n["method"] == "window/showMessage"]
