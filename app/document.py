"""What the browser shows around the app: `<html lang>`, the tab title, Streamlit's own labels.

Streamlit serves `<html lang="en">` and has no setting for it: a screen reader then reads the
Vietnamese with English rules, and the browser offers to translate a page already in Vietnamese.
Every tab was also titled the same (the app's name). And Streamlit draws its element toolbars in
English ("Download as PNG", "Show data", "Fullscreen" over a chart, "Search" over a table).

One small script, sent with st.html (JavaScript allowed: the text is ours, never a user's), sets
the document's language and relabels those toolbar buttons from the catalogue (`streamlit_label.*`
keys: the English text is Streamlit's own label, which the script looks for). It watches the page
because Streamlit draws its toolbars and tooltips on hover. The tab title is the page's own,
through st.set_page_config, which may be called again once the page is known.
"""

from __future__ import annotations

import json

import streamlit as st

from app_context import ViewContext
from thidua.i18n.messages import LANGS, message_keys, t

_SCRIPT = """<script>
(() => {
  document.documentElement.lang = %(lang)s;
  window.thiduaLabels = %(labels)s;
  window.thiduaTemplates = %(templates)s;
  if (window.thiduaLabelObserver) { window.thiduaLabelObserver.relabel(document.body); return; }
  // "Help for {label}": a label Streamlit builds around the widget's own
  const templated = (value) => {
    for (const [prefix, suffix, target] of window.thiduaTemplates) {
      if (value.length > prefix.length + suffix.length && value.startsWith(prefix)
          && value.endsWith(suffix)) {
        const label = value.slice(prefix.length, value.length - suffix.length);
        const text = target.replace("{label}", label);
        if (text !== value) return text;
      }
    }
    return null;
  };
  const translated = (value) => {
    const words = window.thiduaLabels;
    return words[value] && words[value] !== value ? words[value] : templated(value);
  };
  // Text is changed node by node (nodeValue), so React keeps the nodes it rendered; code,
  // scripts and what users type are never touched.
  const skip = "script, style, code, pre, textarea, input";
  const relabel = (root) => {
    if (root.nodeType === 3) root = root.parentElement;
    if (!root || !root.querySelectorAll || root.closest(skip)) return;
    for (const el of [root, ...root.querySelectorAll("[aria-label], [title], [placeholder]")]) {
      for (const name of ["aria-label", "title", "placeholder"]) {
        const value = el.getAttribute(name);
        const text = value && translated(value);
        if (text) el.setAttribute(name, text);
      }
    }
    const texts = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => node.parentElement && node.parentElement.closest(skip)
        ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
    });
    while (texts.nextNode()) {
      const node = texts.currentNode;
      const value = node.nodeValue.trim();
      const text = value && translated(value);
      if (text) node.nodeValue = node.nodeValue.replace(value, text);
    }
  };
  const observer = new MutationObserver((changes) => {
    for (const change of changes) {
      if (change.type !== "childList") relabel(change.target);
      for (const node of change.addedNodes || []) relabel(node);
    }
  });
  observer.observe(document.body, {
    childList: true, subtree: true, attributes: true, characterData: true,
    attributeFilter: ["aria-label", "title", "placeholder"],
  });
  window.thiduaLabelObserver = { relabel };
  relabel(document.body);
})();
</script>"""


def _labels(lang: str) -> tuple[dict[str, str], list[tuple[str, str, str]]]:
    """Every language's text of each `streamlit_label.*` label -> its text in `lang`; and the
    labels built around a widget's label ("Help for {label}") as (prefix, suffix, template)."""
    labels: dict[str, str] = {}
    templates: list[tuple[str, str, str]] = []
    for key in sorted(k for k in message_keys() if k.startswith("streamlit_label.")):
        for other in LANGS:
            source = t(key, other)
            if "{label}" in source:
                prefix, suffix = source.split("{label}", 1)
                templates.append((prefix, suffix, t(key, lang)))
            else:
                labels[source] = t(key, lang)
    return labels, templates


def show_document(view: ViewContext, page_title: str) -> None:
    """Set the tab title, `<html lang>` and Streamlit's labels for this run's page and language."""
    st.set_page_config(page_title=view.t("app.tab_title", page=page_title))
    labels, templates = _labels(view.lang)
    script = _SCRIPT % {
        "lang": json.dumps(view.lang),
        "labels": json.dumps(labels, ensure_ascii=False),
        "templates": json.dumps(templates, ensure_ascii=False),
    }
    # In the sidebar's foot: an element that shows nothing, out of the page's own layout.
    st.sidebar.html(script, unsafe_allow_javascript=True)
