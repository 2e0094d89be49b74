"""What the browser keeps, so that nothing is lost: the conversation's turns (a BrowserState,
in the browser's storage and nowhere else), the question being sent (until its answer comes),
and the texts people copy or download. The server never writes a file for them."""

from __future__ import annotations

from typing import Any

Transcript = list[dict[str, Any]]  # each turn: {"question": ..., "reply": Reply.to_dict()}
KEPT_TURNS = 40  # turns the browser keeps for a reload: as many as the checker reads (STATEMENT_TURNS)
PENDING_KEY = "jsip-pending"  # localStorage: the question sent and not yet answered

# The chat's clicks: [n] in an answer opens that source in the sources panel when the panel
# shows it (otherwise the link opens the clause in the clause browser: text.answer_html); a
# message's copy button copies the message as it reads (Gradio's copies its HTML source).
CHAT_SCRIPT = """
<script>
(() => {
  const openSource = (link) => {
    const clause = new URL(link.href).searchParams.get("clause");  // the sanitizer drops data-*
    const sources = [...document.querySelectorAll("#sources details.source")];
    const source = sources.find((item) => item.dataset.clause === clause);
    if (!source) return false;
    source.open = true;
    source.scrollIntoView({block: "center", behavior: "instant"});
    source.classList.add("flash");
    setTimeout(() => source.classList.remove("flash"), 1500);
    return true;
  };
  const copyMessage = (button) => {
    const row = button.closest(".message-buttons")?.previousElementSibling;
    const shown = row?.querySelector(".message-content");
    if (!shown) return false;
    navigator.clipboard.writeText(shown.innerText.trim());
    return true;
  };
  document.addEventListener("click", (event) => {
    const link = event.target.closest?.("#chatbot a.cite");
    const button = event.target.closest?.("#chatbot .message-buttons button");
    if ((link && openSource(link)) || (button && copyMessage(button))) {
      event.preventDefault();
      event.stopPropagation();
    }
  }, true);
})();
</script>
"""
# The browser saves a text as a file.
DOWNLOAD_JS = """(text) => {
  if (!text) return;
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([text], {type: "text/markdown;charset=utf-8"}));
  link.download = "%s";
  document.body.appendChild(link); link.click(); link.remove();
}"""
# After an answer or a check: its verdict, or its sources, scrolled into view (phone or desk).
SHOW_JS = """() => {
  setTimeout(() => {
    const shown = document.querySelector("%s");
    if (shown) shown.scrollIntoView({block: "nearest", behavior: "instant"});
  }, 150);
}"""
# After an answer: the start of the answer (its verdict or its first words, then what it asks)
# at the top of the view, in the chat's own scroll and on the page (a phone's card is below).
SHOW_ANSWER_JS = """() => {
  setTimeout(() => {
    const answers = document.querySelectorAll("#chatbot [data-testid=bot]");
    const last = answers[answers.length - 1];
    if (last) last.scrollIntoView({block: "start", behavior: "instant"});
  }, 150);
}"""
# The copy button says what it did (or that there is nothing to copy yet).
COPY_JS = """(text) => {
  const button = document.querySelector("#copy-answer");
  const said = button ? button.textContent : "";
  if (text) navigator.clipboard.writeText(text);
  if (!button) return;
  button.textContent = text ? "已复制（含出处）" : "还没有可复制的回答";
  setTimeout(() => { button.textContent = said; }, 1500);
}"""
# On opening the page, the question that was sent but never answered goes back in the box.
RESTORE_JS = f"() => localStorage.getItem('{PENDING_KEY}') || ''"
ANSWERED_JS = f"() => {{ localStorage.removeItem('{PENDING_KEY}'); }}"
# Once the chat shows the turn (its answer, or a language model's first words), the echo goes.
ECHO_DONE_JS = "() => { document.querySelector('#echo')?.replaceChildren(); }"
# Before a question leaves (Enter in the box, or the send button), it is noted in the browser
# and echoed under the chat at once (as text), with a word that the answer is on its way.
PENDING_SCRIPT = f"""
<script>
(() => {{
  const echo = (question) => {{
    const place = document.querySelector("#echo");
    if (!place) return;
    const asked = document.createElement("div");
    asked.className = "echo-question";
    asked.textContent = question;
    const waiting = document.createElement("div");
    waiting.className = "echo-waiting";
    waiting.textContent = "已发送，正在查阅指南……";
    place.replaceChildren(asked, waiting);
  }};
  const note = () => {{
    const box = document.querySelector("#question textarea");
    if (!box || !box.value.trim()) return;
    localStorage.setItem("{PENDING_KEY}", box.value);
    echo(box.value);
  }};
  document.addEventListener("keydown", (event) => {{
    if (event.key === "Enter" && !event.shiftKey && event.target.closest?.("#question")) note();
  }}, true);
  document.addEventListener("click", (event) => {{ if (event.target.closest?.("#send")) note(); }}, true);
}})();
</script>
"""


def valid_transcript(saved: Any) -> Transcript:
    """The turns a browser kept, those of the right shape only, the last KEPT_TURNS."""
    if not isinstance(saved, list):
        return []
    valid = [
        {"question": turn["question"], "reply": turn["reply"]}
        for turn in saved
        if isinstance(turn, dict)
        and isinstance(turn.get("question"), str)
        and isinstance(turn.get("reply"), dict)
        and isinstance(turn["reply"].get("answer"), str)
        and isinstance(turn["reply"].get("citations", []), list)
        and all(isinstance(c, dict) for c in turn["reply"].get("citations", []))
    ]
    return valid[-KEPT_TURNS:]
