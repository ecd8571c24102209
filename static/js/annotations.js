// Inline annotations on the reading page: select a passage, annotate it, see highlights,
// open a note and its replies. Vanilla ES module, no framework; the server sends every
// translated string (data- attributes, <template> markup) and does all validation.
//
// Positions: the server counts Unicode code points of a body's text content (W3C
// TextPositionSelector); JavaScript strings count UTF-16 units, so an emoji is one code point
// but two units. `CodePoints` converts both ways.
//
// User text enters the page only through textContent, or as HTML the server sanitised
// (notes rendered from Markdown, the reply thread fragment).

import { PassagePicker } from "./passage-picker.js";

const CONTEXT_LENGTH = 32;
const SHORTCUT_CODE = "KeyA"; // with Alt: announced in the page as Alt+A

/** Conversions between code point and UTF-16 offsets in one string. */
class CodePoints {
  constructor(text) {
    this.text = text;
    // Only texts with astral characters (emoji…) need a table; the rest map 1:1.
    this.table = null;
    if (/[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(text)) {
      this.table = [];
      for (let unit = 0; unit < text.length; unit += 1) {
        this.table.push(unit);
        const code = text.charCodeAt(unit);
        if (code >= 0xd800 && code <= 0xdbff && unit + 1 < text.length) unit += 1;
      }
      this.table.push(text.length);
    }
  }

  toUnits(codePoint) {
    if (!this.table) return codePoint;
    return this.table[Math.min(codePoint, this.table.length - 1)];
  }

  fromUnits(unit) {
    if (!this.table) return unit;
    let low = 0;
    let high = this.table.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.table[middle] < unit) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

function codePointCount(text) {
  return new CodePoints(text).fromUnits(text.length);
}

/** The last `count` code points of `text`, or its first ones. */
function lastCodePoints(text, count) {
  return Array.from(text).slice(-count).join("");
}
function firstCodePoints(text, count) {
  return Array.from(text.slice(0, count * 2)).slice(0, count).join("");
}

function textNodes(root) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes = [];
  while (walker.nextNode()) nodes.push(walker.currentNode);
  return nodes;
}

class AnnotationPage {
  constructor(panelElement) {
    this.panel = panelElement;
    this.data = panelElement.dataset;
    this.content = panelElement.querySelector("[data-annotation-content]");
    this.status = panelElement.querySelector("[data-annotation-status]");
    this.orphans = panelElement.querySelector("[data-annotation-orphans]");
    this.orphanList = panelElement.querySelector("[data-annotation-orphan-list]");
    this.trigger = document.querySelector("[data-annotation-trigger]");
    this.listButton = document.querySelector("[data-annotation-open-list]");
    this.count = document.querySelector("[data-annotation-count]");
    this.bodies = new Map(
      Array.from(document.querySelectorAll("[data-annotation-target]"), (element) => [
        element.dataset.annotationTarget,
        element,
      ]),
    );
    this.annotations = new Map(); // pk -> the API's JSON
    this.selection = null; // the selector of the current selection, if it is in a body
    this.returnFocus = null;
  }

  start() {
    // The button floats over the page, outside any body so it never joins their text.
    document.body.append(this.trigger);
    // Once per frame at most: measuring a selection reads the body's text up to it.
    let pending = false;
    document.addEventListener("selectionchange", () => {
      if (pending) return;
      pending = true;
      requestAnimationFrame(() => {
        pending = false;
        this.selectionChanged();
      });
    });
    document.addEventListener("keydown", (event) => this.keydown(event));
    document.addEventListener("click", (event) => this.clickHighlight(event));
    // Keep the selection when the button is pressed.
    this.trigger.addEventListener("mousedown", (event) => event.preventDefault());
    this.trigger.addEventListener("click", () => this.annotateSelection());
    this.listButton.addEventListener("click", () => this.showList());
    const pickerButton = document.querySelector("[data-passage-picker]");
    if (pickerButton && this.bodies.size) {
      const picker = new PassagePicker(Array.from(this.bodies.values()), {
        status: document.querySelector("[data-passage-status]"),
        messages: pickerButton.dataset,
        onChoose: () => this.annotateSelection(),
      });
      pickerButton.addEventListener("click", () => picker.start(pickerButton));
      pickerButton.hidden = false;
    }
    this.panel
      .querySelector("[data-annotation-close]")
      .addEventListener("click", () => this.close());
    this.load();
  }

  // --- Loading and drawing ------------------------------------------------------------

  async load() {
    const response = await this.request(this.data.listUrl);
    if (!response) return;
    for (const annotation of response.annotations) this.annotations.set(annotation.ccfd.pk, annotation);
    this.drawAll();
  }

  drawAll() {
    for (const annotation of this.annotations.values()) this.draw(annotation);
    this.refreshCounts();
  }

  refreshCounts() {
    const all = Array.from(this.annotations.values());
    this.count.textContent = all.length ? `(${all.length})` : "";
    const orphans = all.filter((annotation) => annotation.ccfd.state === "orphaned");
    this.orphanList.replaceChildren(...orphans.map((annotation) => this.listItem(annotation)));
    this.orphans.hidden = orphans.length === 0;
  }

  selectors(annotation) {
    const [quote, position] = annotation.target.selector;
    return { exact: quote.exact, start: position.start, end: position.end };
  }

  /** Wrap the annotation's passage in <mark> elements, one per text node it covers. */
  draw(annotation) {
    const body = this.bodies.get(annotation.ccfd.target);
    if (!body || annotation.ccfd.state !== "anchored") return;
    const { exact, start, end } = this.selectors(annotation);
    const text = body.textContent;
    const points = new CodePoints(text);
    const from = points.toUnits(start);
    const to = points.toUnits(end);
    if (text.slice(from, to) !== exact) return; // the page is older than the annotation
    let offset = 0;
    let first = true;
    for (const node of textNodes(body)) {
      const nodeStart = offset;
      const nodeEnd = offset + node.data.length;
      offset = nodeEnd;
      if (nodeEnd <= from || nodeStart >= to) continue;
      if (!node.data.trim()) continue; // whitespace between blocks: nothing to show
      let piece = node;
      const cutEnd = Math.min(to, nodeEnd) - nodeStart;
      const cutStart = Math.max(from, nodeStart) - nodeStart;
      if (cutEnd < piece.data.length) piece.splitText(cutEnd);
      if (cutStart > 0) piece = piece.splitText(cutStart);
      const mark = document.createElement("mark");
      mark.className = "annotation-highlight";
      if (annotation.ccfd.visibility === "private") mark.classList.add("annotation-highlight--private");
      mark.dataset.annotationId = String(annotation.ccfd.pk);
      if (first) {
        // One tab stop per annotation, on its first piece.
        mark.tabIndex = 0;
        first = false;
      }
      piece.parentNode.insertBefore(mark, piece);
      mark.append(piece);
    }
  }

  erase(pk) {
    for (const mark of document.querySelectorAll(`mark[data-annotation-id="${pk}"]`)) {
      const parent = mark.parentNode;
      mark.replaceWith(...mark.childNodes);
      parent.normalize();
    }
  }

  // --- Selection ----------------------------------------------------------------------

  /** The W3C selectors of the current selection, when it lies within one body. */
  currentSelector() {
    const selection = document.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
    const range = selection.getRangeAt(0);
    const container = range.commonAncestorContainer;
    const element = container.nodeType === Node.ELEMENT_NODE ? container : container.parentElement;
    const body = element?.closest("[data-annotation-target]");
    if (!body) return null;
    const before = document.createRange();
    before.setStart(body, 0);
    before.setEnd(range.startContainer, range.startOffset);
    const text = body.textContent;
    let from = before.toString().length;
    let to = from + range.toString().length;
    // A double click selects the space after a word: keep the words only.
    while (from < to && /\s/.test(text[from])) from += 1;
    while (to > from && /\s/.test(text[to - 1])) to -= 1;
    if (from >= to) return null;
    const start = codePointCount(text.slice(0, from));
    const exact = text.slice(from, to);
    return {
      target: body.dataset.annotationTarget,
      exact,
      prefix: lastCodePoints(text.slice(0, from), CONTEXT_LENGTH),
      suffix: firstCodePoints(text.slice(to), CONTEXT_LENGTH),
      start,
      end: start + codePointCount(exact),
      rect: range.getClientRects()[range.getClientRects().length - 1] ?? range.getBoundingClientRect(),
    };
  }

  selectionChanged() {
    const selector = this.currentSelector();
    if (selector) this.selection = selector;
    if (!selector) {
      this.trigger.hidden = true;
      return;
    }
    // Under the end of the selection; CSS custom properties set through the CSSOM, which
    // the Content-Security-Policy allows (it forbids style attributes in markup).
    const { rect } = selector;
    const left = Math.min(rect.right + window.scrollX, document.documentElement.clientWidth - 120);
    this.trigger.style.setProperty("--annotation-trigger-left", `${Math.max(8, left)}px`);
    this.trigger.style.setProperty("--annotation-trigger-top", `${rect.bottom + window.scrollY + 6}px`);
    this.trigger.hidden = false;
  }

  keydown(event) {
    if (event.altKey && event.code === SHORTCUT_CODE && !event.ctrlKey && !event.metaKey) {
      if (this.currentSelector()) {
        event.preventDefault();
        this.annotateSelection();
      }
    } else if (event.key === "Escape" && !this.panel.hidden) {
      this.close();
    } else if ((event.key === "Enter" || event.key === " ") && event.target.matches?.("mark.annotation-highlight")) {
      event.preventDefault();
      this.open(Number(event.target.dataset.annotationId), event.target);
    }
  }

  clickHighlight(event) {
    const mark = event.target.closest?.("mark.annotation-highlight");
    if (!mark || !document.getSelection().isCollapsed) return;
    this.open(Number(mark.dataset.annotationId), mark);
  }

  // --- The panel ----------------------------------------------------------------------

  show(returnFocus) {
    if (returnFocus) this.returnFocus = returnFocus;
    this.panel.hidden = false;
    this.listButton.setAttribute("aria-expanded", "true");
    document.body.classList.add("annotation-panel-open");
  }

  close() {
    this.panel.hidden = true;
    this.listButton.setAttribute("aria-expanded", "false");
    document.body.classList.remove("annotation-panel-open");
    this.content.replaceChildren();
    this.say("");
    const target = this.returnFocus;
    this.returnFocus = null;
    if (target && document.contains(target)) target.focus();
  }

  say(message) {
    this.status.textContent = message;
  }

  clone(id) {
    return document.getElementById(id).content.firstElementChild.cloneNode(true);
  }

  annotateSelection() {
    const selector = this.currentSelector();
    if (!selector) return;
    this.trigger.hidden = true;
    this.openForm({ selector });
  }

  /** The note form: a new annotation (`selector`) or a change to one (`annotation`). */
  openForm({ selector = null, annotation = null }) {
    const form = this.clone("annotation-form-template");
    const quote = annotation ? this.selectors(annotation).exact : selector.exact;
    form.querySelector('[data-field="quote"]').textContent = quote;
    if (annotation) {
      form.elements.note.value = annotation.ccfd.note;
      form.elements.visibility.value = annotation.ccfd.visibility;
      form.elements.tags.value = annotation.ccfd.tags.join(", ");
    }
    form.querySelector('[data-action="cancel"]').addEventListener("click", () => {
      if (annotation) this.open(annotation.ccfd.pk);
      else this.close();
    });
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const fields = {
        note: form.elements.note.value,
        visibility: form.elements.visibility.value,
        tags: form.elements.tags.value.split(",").map((tag) => tag.trim()).filter(Boolean),
      };
      const error = form.querySelector('[data-field="error"]');
      const submit = form.querySelector('button[type="submit"]');
      submit.disabled = true;
      const saved = annotation
        ? await this.request(this.detailUrl(annotation.ccfd.pk), "PATCH", { ...fields, version: this.versionOf(annotation) }, error)
        : await this.request(this.data.createUrl, "POST", { ...this.payload(selector), ...fields }, error);
      submit.disabled = false;
      if (!saved) return;
      this.store(saved);
      document.getSelection().removeAllRanges();
      this.open(saved.ccfd.pk);
      this.say(this.data.msgSaved);
    });
    this.content.replaceChildren(form);
    this.show(annotation ? null : document.activeElement);
    form.elements.note.focus();
  }

  payload(selector) {
    const { target, exact, prefix, suffix, start, end } = selector;
    return { target, exact, prefix, suffix, start, end };
  }

  /** Replace an annotation's highlights and data with the server's latest JSON. */
  store(annotation) {
    this.erase(annotation.ccfd.pk);
    this.annotations.set(annotation.ccfd.pk, annotation);
    this.draw(annotation);
    this.refreshCounts();
  }

  /** An annotation, its note and its replies, in the panel. */
  open(pk, returnFocus = null) {
    const annotation = this.annotations.get(pk);
    if (!annotation) return;
    const view = this.clone("annotation-view-template");
    const field = (name) => view.querySelector(`[data-field="${name}"]`);
    field("quote").textContent = this.selectors(annotation).exact;
    field("orphaned").hidden = annotation.ccfd.state !== "orphaned";
    const author = field("author");
    author.textContent = annotation.ccfd.author;
    author.href = annotation.ccfd.author_url; // the profile, never an email address
    const created = field("created");
    created.dateTime = annotation.created;
    created.textContent = new Date(annotation.created).toLocaleDateString(document.documentElement.lang || "fr");
    field("private").hidden = annotation.ccfd.visibility !== "private";
    const note = [annotation.body].flat().find((body) => body?.purpose === "commenting");
    if (note) field("note").innerHTML = note.value; // sanitised by the server (nh3)
    field("tags").replaceChildren(
      ...annotation.ccfd.tags.map((tag) => {
        const item = document.createElement("li");
        item.className = "chip";
        item.textContent = tag;
        return item;
      }),
    );
    if (annotation.ccfd.cited_in) {
      field("cited-link").href = annotation.ccfd.cited_in;
      field("cited").hidden = false;
    }
    if (annotation.ccfd.hidden) {
      field("hidden").hidden = false;
      field("moderation-note").hidden = !annotation.ccfd.moderation_note;
      field("moderation-note-text").textContent = annotation.ccfd.moderation_note;
    }
    if (!annotation.ccfd.mine && this.data.flagUrl) {
      // Someone else's note: it can be reported (a page of its own, which comes back here).
      const next = encodeURIComponent(window.location.pathname);
      field("report-link").href = `${this.data.flagUrl.replace("/0/", `/${pk}/`)}?next=${next}`;
      field("report").hidden = false;
    }
    if (annotation.ccfd.mine) {
      field("actions").hidden = false;
      view.querySelector('[data-action="edit"]').addEventListener("click", () => this.openForm({ annotation }));
      view.querySelector('[data-action="delete"]').addEventListener("click", () => this.remove(annotation, field("error")));
      const reattach = view.querySelector('[data-action="reattach"]');
      reattach.hidden = annotation.ccfd.state !== "orphaned";
      reattach.addEventListener("mousedown", (event) => event.preventDefault());
      reattach.addEventListener("click", () => this.reattach(annotation, field("error")));
    }
    this.content.replaceChildren(view);
    this.show(returnFocus);
    this.panel.querySelector("#annotation-panel-title").focus({ preventScroll: true });
    // The open panel narrows the text on wide screens: keep the passage in sight.
    document.querySelector(`mark[data-annotation-id="${pk}"]`)?.scrollIntoView({ block: "center" });
    this.loadReplies(pk, field("replies"));
  }

  async loadReplies(pk, container) {
    if (!this.data.threadUrl) return; // the discussions app does not serve threads
    try {
      const response = await fetch(this.data.threadUrl.replace(/\/0\/$/, `/${pk}/`), {
        headers: { "HX-Request": "true" },
        credentials: "same-origin",
      });
      if (!response.ok) throw new Error(String(response.status));
      container.innerHTML = await response.text(); // the server's sanitised fragment
      if (window.htmx) window.htmx.process(container);
    } catch {
      container.textContent = this.data.msgRepliesError;
    }
  }

  async remove(annotation, error) {
    if (!window.confirm(this.data.msgConfirmDelete)) return;
    const done = await this.request(this.detailUrl(annotation.ccfd.pk), "DELETE", null, error);
    if (!done) return;
    this.erase(annotation.ccfd.pk);
    this.annotations.delete(annotation.ccfd.pk);
    this.refreshCounts();
    this.content.replaceChildren();
    this.say(this.data.msgDeleted);
  }

  async reattach(annotation, error) {
    const selector = this.currentSelector() ?? this.selection;
    if (!selector || selector.target !== annotation.ccfd.target) {
      error.textContent = this.data.msgSelectFirst;
      return;
    }
    const { exact, prefix, suffix, start, end } = selector;
    const saved = await this.request(
      this.detailUrl(annotation.ccfd.pk),
      "PATCH",
      { exact, prefix, suffix, start, end, version: this.versionOf(annotation) },
      error,
    );
    if (!saved) return;
    this.store(saved);
    document.getSelection().removeAllRanges();
    this.open(saved.ccfd.pk);
    this.say(this.data.msgReattached);
  }

  /** Every annotation of the page, in reading order; orphans below, under their heading. */
  showList() {
    if (!this.panel.hidden && !this.content.querySelector(".annotation-view, form")) {
      this.close();
      return;
    }
    const anchored = Array.from(this.annotations.values()).filter((a) => a.ccfd.state === "anchored");
    const list = document.createElement("ul");
    list.className = "annotation-list";
    list.append(...anchored.map((annotation) => this.listItem(annotation)));
    const empty = document.createElement("p");
    empty.textContent = this.data.msgEmpty;
    this.content.replaceChildren(anchored.length ? list : empty);
    this.show(this.listButton);
    this.panel.querySelector("#annotation-panel-title").focus();
  }

  listItem(annotation) {
    const item = this.clone("annotation-item-template");
    const quote = this.selectors(annotation).exact;
    item.querySelector('[data-field="quote"]').textContent = quote.length > 90 ? `${quote.slice(0, 90)}…` : quote;
    item.querySelector('[data-field="author"]').textContent = `— ${annotation.ccfd.author}`;
    item.querySelector('[data-action="open"]').addEventListener("click", () => {
      const mark = document.querySelector(`mark[data-annotation-id="${annotation.ccfd.pk}"]`);
      mark?.scrollIntoView({ block: "center" });
      this.open(annotation.ccfd.pk, mark);
    });
    return item;
  }

  // --- The API ------------------------------------------------------------------------

  detailUrl(pk) {
    return this.data.detailUrl.replace(/\/0\/$/, `/${pk}/`);
  }

  /** The version this page last got of an annotation: a PATCH from an older one is refused (409). */
  versionOf(annotation) {
    return (this.annotations.get(annotation.ccfd.pk) ?? annotation).ccfd.version;
  }

  /** JSON in and out; on refusal the server's French reason goes to `errorElement`. */
  async request(url, method = "GET", body = null, errorElement = null) {
    const report = (message) => {
      if (errorElement) errorElement.textContent = message;
      else this.say(message);
    };
    if (errorElement) errorElement.textContent = "";
    let response;
    try {
      response = await fetch(url, {
        method,
        credentials: "same-origin",
        headers: {
          Accept: "application/json",
          "Content-Type": "application/json",
          "X-CSRFToken": this.data.csrfToken,
        },
        body: body === null ? undefined : JSON.stringify(body),
      });
    } catch {
      report(this.data.msgNetwork);
      return null;
    }
    if (response.status === 204) return {};
    const data = await response.json().catch(() => null);
    if (!response.ok || !data) {
      report(data?.error ?? this.data.msgNetwork);
      // Saved elsewhere meanwhile: keep the newer annotation, so that sending the form
      // again (its text is kept) is based on it.
      if (response.status === 409 && data?.annotation) this.store(data.annotation);
      return null;
    }
    return data;
  }
}

const panel = document.getElementById("annotation-panel");
if (panel) {
  new AnnotationPage(panel).start();
}
