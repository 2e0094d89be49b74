"""Chinese for the words Gradio writes itself, whatever the browser's language.

Gradio translates some of its own controls by the browser's language (an English browser gets
「Copy」「Clear」) and writes others in English always (the chat log's accessible name, the
lost-connection toast, the footer's). A small script in the page's head puts these words into
Chinese as they appear: in accessible names, titles and short text. Only whole words of this
table are replaced, so nothing a user typed or a clause says is ever changed.
"""

from __future__ import annotations

import json

# Gradio's English (exactly as it writes it) → what the page shows instead.
GRADIO_WORDS = {
    "Copy": "复制",
    "Copied": "已复制",
    "Copy message": "复制这条回答",
    "Copied message": "已复制",
    "Clear": "清空对话",
    "chatbot conversation": "对话记录",
    "Chatbot": "对话",
    "Conversation": "对话",
    "Textbox": "文本框",
    "Dropdown": "下拉选择",
    "Radio": "单选",
    "Number": "数字",
    "Warning": "提示",
    "Info": "提示",
    "Error": "出错了",
    "Close": "关闭",
    "Loading": "加载中",
    "Loading...": "加载中……",
    "Retry": "重试",
    "Undo": "撤销",
    "Edit": "编辑",
    "Submit": "提交",
    "Cancel": "取消",
    "Stop": "停止",
    "Download": "下载",
    "Settings": "设置",
    "Scroll down": "滚动到底部",
    "Scroll to bottom": "滚动到底部",
    "Gradio footer navigation": "页脚",
    "Use via API": "通过 API 使用",
    "Use via API logo": "通过 API 使用",
    "logo": "标志",
    "Connection to the server was lost. Attempting reconnection...": (
        "与服务器的连接中断，正在重新连接……已有的对话和结果都还在，连上后可以重新发送。"
    ),
    "Lost connection due to leaving page. Rejoining queue...": "离开页面后连接中断，正在重新排队……",
    "Connection errored out.": "连接出错：请检查网络后重试。",
    "Error: Connection errored out.": "连接出错：请检查网络后重试。",
    "More tabs": "更多标签页",
    "common.complete": "完成",  # an untranslated key Gradio announces to screen readers
}

_SCRIPT = """
<script>
(() => {
  const words = %s;
  const attributes = ["aria-label", "title", "placeholder", "alt"];
  const translate = (node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const text = node.nodeValue.trim();
      if (text && Object.hasOwn(words, text)) node.nodeValue = node.nodeValue.replace(text, words[text]);
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    for (const element of [node, ...node.querySelectorAll("*")]) {
      for (const name of attributes) {
        const value = element.getAttribute(name);
        if (value && Object.hasOwn(words, value)) element.setAttribute(name, words[value]);
      }
    }
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) translate(text);
  };
  const observer = new MutationObserver((changes) => {
    for (const change of changes) {
      if (change.type === "childList") change.addedNodes.forEach(translate);
      else translate(change.target);
    }
  });
  const start = () => {
    document.documentElement.lang = "zh-CN";  // Gradio marks the page English
    translate(document.body);
    observer.observe(document.body, {
      subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: attributes,
    });
  };
  if (document.body) start(); else document.addEventListener("DOMContentLoaded", start);
})();
</script>
"""


def head_script() -> str:
    """The script that puts Gradio's own words into Chinese (for `launch(head=…)`)."""
    return _SCRIPT % json.dumps(GRADIO_WORDS, ensure_ascii=False)
