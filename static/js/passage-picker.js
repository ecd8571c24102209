// Choosing a passage to annotate with the keyboard alone. Selecting text from the keyboard
// needs caret browsing (F7), which Safari lacks and few people know; here a button puts
// the page's texts in a mode where the arrow keys choose a paragraph, then its words:
//   ↑ ↓            previous / next paragraph (all of it)
//   → ←            end of the passage one word further / back
//   Shift + → ←    start of the passage one word further / back
//   Entrée         annotate the passage        Échap   leave
// The passage is the page's real selection, so the rest of the annotation code (and the
// floating « Annoter » button) works on it unchanged; each change is read out through a
// live region. Nothing is added inside a text: its textContent is what positions count.

const BLOCKS = "p, li, h2, h3, h4, h5, h6, blockquote, td, th, dd, dt";

function textNodes(root) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes = [];
  while (walker.nextNode()) nodes.push(walker.currentNode);
  return nodes;
}

/** A DOM point at `offset` UTF-16 units into `root`'s text. */
function pointAt(root, offset) {
  let left = offset;
  const nodes = textNodes(root);
  for (const node of nodes) {
    if (left <= node.data.length) return [node, left];
    left -= node.data.length;
  }
  const last = nodes[nodes.length - 1];
  return [last, last.data.length];
}

export class PassagePicker {
  /**
   * @param {Element[]} bodies the annotatable texts, in page order
   * @param {{status: Element, messages: DOMStringMap, onChoose: () => void}} options
   */
  constructor(bodies, { status, messages, onChoose }) {
    this.bodies = bodies;
    this.status = status;
    this.messages = messages;
    this.onChoose = onChoose;
    this.block = null; // the paragraph the passage is in
    this.words = []; // its words: [start, end) offsets in the paragraph's text
    this.first = 0; // the passage: words first..last
    this.last = 0;
    this.returnFocus = null;
    this.onKeydown = (event) => this.keydown(event);
    this.onFocusOut = (event) => {
      if (!this.block?.closest("[data-annotation-target]")?.contains(event.relatedTarget)) this.stop();
    };
  }

  /** The paragraphs of every text that hold words, innermost only (a list item's, not the list's). */
  blocks() {
    return this.bodies.flatMap((body) =>
      Array.from(body.querySelectorAll(BLOCKS)).filter(
        (block) => block.textContent.trim() && !block.querySelector(BLOCKS),
      ),
    );
  }

  start(returnFocus) {
    const blocks = this.blocks();
    if (!blocks.length) return;
    this.returnFocus = returnFocus;
    // The first paragraph on screen, so the passage starts where the reader is.
    const onScreen = blocks.find((block) => block.getBoundingClientRect().bottom > 0) ?? blocks[0];
    this.choose(onScreen);
  }

  stop({ refocus = false } = {}) {
    if (!this.block) return;
    const body = this.block.closest("[data-annotation-target]");
    body.removeEventListener("keydown", this.onKeydown);
    body.removeEventListener("focusout", this.onFocusOut);
    body.removeAttribute("tabindex");
    body.removeAttribute("aria-describedby");
    this.block.classList.remove("passage-picker__block");
    this.block = null;
    if (refocus && this.returnFocus) this.returnFocus.focus();
  }

  /** Take a whole paragraph as the passage, and give its text the keyboard. */
  choose(block) {
    const previous = this.block?.closest("[data-annotation-target]");
    const body = block.closest("[data-annotation-target]");
    if (previous && previous !== body) this.stop();
    this.block?.classList.remove("passage-picker__block");
    this.block = block;
    block.classList.add("passage-picker__block");
    this.words = Array.from(block.textContent.matchAll(/\S+/g), (m) => [m.index, m.index + m[0].length]);
    this.first = 0;
    this.last = this.words.length - 1;
    if (body.getAttribute("tabindex") === null) {
      body.tabIndex = -1;
      body.setAttribute("aria-describedby", this.messages.pickerHelpId);
      body.addEventListener("keydown", this.onKeydown);
      body.addEventListener("focusout", this.onFocusOut);
    }
    body.focus({ preventScroll: true });
    block.scrollIntoView({ block: "nearest" });
    this.select();
  }

  /** Make words first..last the page's selection, and read them out. */
  select() {
    const range = document.createRange();
    range.setStart(...pointAt(this.block, this.words[this.first][0]));
    range.setEnd(...pointAt(this.block, this.words[this.last][1]));
    const selection = document.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    const quote = range.toString();
    const shown = quote.length > 160 ? `${quote.slice(0, 80)} … ${quote.slice(-60)}` : quote;
    this.status.textContent = this.messages.pickerPassage
      .replace("{quote}", shown)
      .replace("{words}", String(this.last - this.first + 1));
  }

  move(step) {
    const blocks = this.blocks();
    const next = blocks[blocks.indexOf(this.block) + step];
    if (next) this.choose(next);
    else this.status.textContent = step > 0 ? this.messages.pickerLast : this.messages.pickerFirst;
  }

  keydown(event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const count = this.words.length;
    const keys = {
      ArrowDown: () => this.move(1),
      ArrowUp: () => this.move(-1),
      ArrowRight: () => {
        if (event.shiftKey) this.first = Math.min(this.first + 1, this.last);
        else this.last = Math.min(this.last + 1, count - 1);
        this.select();
      },
      ArrowLeft: () => {
        if (event.shiftKey) this.first = Math.max(this.first - 1, 0);
        else this.last = Math.max(this.last - 1, this.first);
        this.select();
      },
      Enter: () => {
        // The passage stays selected; the note form returns focus to the button after.
        this.stop({ refocus: true });
        this.onChoose();
      },
      Escape: () => {
        document.getSelection().removeAllRanges();
        this.status.textContent = this.messages.pickerLeft;
        this.stop({ refocus: true });
      },
    };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    event.stopPropagation();
    action();
  }
}
