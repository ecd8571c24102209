// @mention suggestions in every message and note box: type "@" and the start of a colleague's
// name, choose with the arrow keys, insert with Enter (or a click); Escape closes the list.
// The listeners sit on the document, so the forms htmx swaps in and the annotation panel's
// cloned note form work as the page's own: a box only needs `data-mention-url`.
//
// A textarea may not take the combobox role (ARIA in HTML allows it none), so it keeps its
// textbox role with aria-autocomplete="list", aria-controls naming the listbox and
// aria-activedescendant the option in focus: the combobox pattern's keys and announcements
// on a multi-line box. The server sends every string, the number of suggestions included,
// announced through a polite status.

const BOX = "textarea[data-mention-url]";
const DELAY_MS = 150; // after the last key, before asking the server
// "@" at the start or after anything but a letter, digit or "@" (not in an address), then the
// start of a name up to the caret: letters, digits, spaces, ' ’ . -
const TRIGGER = /(?:^|[^\p{L}\p{N}_@])@([\p{L}\p{N}][\p{L}\p{N}'’.\- ]{0,39})$/u;
const MAX_WORDS = 4; // past that, "@Awa" was an address or a sentence, not a name

const boxes = new WeakMap();
let count = 0;

class MentionBox {
  constructor(textarea) {
    count += 1;
    this.textarea = textarea;
    this.url = textarea.dataset.mentionUrl;
    this.listbox = document.createElement("ul");
    this.listbox.id = `${textarea.id || `mention-box-${count}`}-mentions`;
    this.listbox.className = "mention-listbox";
    this.listbox.setAttribute("role", "listbox");
    this.listbox.hidden = true;
    this.status = document.createElement("p");
    this.status.className = "visually-hidden";
    this.status.setAttribute("role", "status");
    textarea.after(this.listbox, this.status);
    textarea.setAttribute("aria-autocomplete", "list");
    textarea.setAttribute("aria-controls", this.listbox.id);
    this.members = [];
    this.active = -1;
    this.at = -1; // where the "@" being completed is
    this.done = null; // the mention just inserted, not to be offered again
    this.timer = null;
    this.request = null;
    this.chosen = "";
    // Keep the focus (and the caret) in the box when an option is clicked.
    this.listbox.addEventListener("mousedown", (event) => event.preventDefault());
    this.listbox.addEventListener("click", (event) => {
      const option = event.target.closest('[role="option"]');
      if (option) this.choose(Number(option.dataset.index));
    });
  }

  /** Look at the text before the caret: an "@" and the start of a name opens the list. */
  update() {
    const { value, selectionStart, selectionEnd } = this.textarea;
    const match = selectionStart === selectionEnd && TRIGGER.exec(value.slice(0, selectionStart));
    if (!match || match[1].trim().split(/\s+/).length > MAX_WORDS) {
      this.close();
      return;
    }
    const at = selectionStart - match[1].length - 1;
    if (this.done && this.done.at === at && value.startsWith(this.done.text, at)) {
      this.close();
      return;
    }
    this.at = at;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.suggest(match[1].trim()), DELAY_MS);
  }

  async suggest(query) {
    this.request?.abort();
    this.request = new AbortController();
    const url = new URL(this.url, window.location.href);
    url.searchParams.set("q", query);
    let data;
    try {
      const response = await fetch(url, {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
        signal: this.request.signal,
      });
      if (!response.ok) throw new Error(String(response.status));
      data = await response.json();
    } catch {
      return; // typed on, or no answer: the box works as a plain one
    }
    if (document.activeElement !== this.textarea) return;
    this.show(data);
  }

  show(data) {
    const wasOpen = !this.listbox.hidden;
    this.members = data.members;
    this.chosen = data.chosen;
    if (!this.members.length) {
      this.close();
      if (wasOpen) this.status.textContent = data.status;
      return;
    }
    this.listbox.setAttribute("aria-label", data.label);
    this.listbox.replaceChildren(
      ...this.members.map((member, index) => {
        const option = document.createElement("li");
        option.id = `${this.listbox.id}-${index}`;
        option.className = "mention-option";
        option.dataset.index = String(index);
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        const name = document.createElement("span");
        name.textContent = member.name;
        option.append(name);
        if (member.job_title) {
          const job = document.createElement("span");
          job.className = "mention-option__job";
          job.textContent = member.job_title;
          option.append(" ", job);
        }
        return option;
      }),
    );
    this.active = -1;
    this.textarea.removeAttribute("aria-activedescendant");
    this.listbox.hidden = false;
    this.status.textContent = data.status;
  }

  get isOpen() {
    return !this.listbox.hidden;
  }

  move(step) {
    const total = this.members.length;
    this.active = this.active < 0 && step < 0 ? total - 1 : (this.active + step + total) % total;
    for (const option of this.listbox.children) {
      option.setAttribute("aria-selected", String(Number(option.dataset.index) === this.active));
    }
    const option = this.listbox.children[this.active];
    this.textarea.setAttribute("aria-activedescendant", option.id);
    option.scrollIntoView({ block: "nearest" });
  }

  /** Replace "@" and the start typed with "@Display Name " (what discussions/mentions.py
   * reads as a mention), the caret after it. */
  choose(index) {
    const member = this.members[index];
    if (!member) return;
    const caret = this.textarea.selectionStart;
    const text = `@${member.name}`;
    const space = this.textarea.value.slice(caret).startsWith(" ") ? "" : " ";
    this.textarea.setRangeText(`${text}${space}`, this.at, caret, "end");
    this.done = { at: this.at, text };
    this.close();
    this.status.textContent = this.chosen.replace("%(name)s", member.name);
    this.textarea.dispatchEvent(new Event("input", { bubbles: true }));
  }

  close() {
    clearTimeout(this.timer);
    this.request?.abort();
    this.request = null;
    this.listbox.hidden = true;
    this.listbox.replaceChildren();
    this.members = [];
    this.active = -1;
    this.textarea.removeAttribute("aria-activedescendant");
  }

  keydown(event) {
    if (!this.isOpen || event.isComposing) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      this.move(event.key === "ArrowDown" ? 1 : -1);
    } else if (event.key === "Enter" && this.active >= 0) {
      event.preventDefault();
      this.choose(this.active);
    } else if (event.key === "Escape") {
      // Not the annotation panel's Escape too: this one only closes the list.
      event.preventDefault();
      event.stopPropagation();
      this.close();
    } else if (event.key === "Tab") {
      this.close();
    }
  }
}

function boxFor(target) {
  if (!(target instanceof HTMLTextAreaElement) || !target.matches(BOX)) return null;
  if (!boxes.has(target)) boxes.set(target, new MentionBox(target));
  return boxes.get(target);
}

document.addEventListener("focusin", (event) => boxFor(event.target));
document.addEventListener("input", (event) => boxFor(event.target)?.update());
// Moving the caret (clicks, Home, End, Left, Right) changes what is being completed.
document.addEventListener("click", (event) => boxFor(event.target)?.update());
document.addEventListener("keyup", (event) => {
  if (["ArrowLeft", "ArrowRight", "Home", "End"].includes(event.key)) boxFor(event.target)?.update();
});
// Capture: before the annotation panel's own Escape on the document.
document.addEventListener("keydown", (event) => boxFor(event.target)?.keydown(event), true);
document.addEventListener("focusout", (event) => {
  const box = boxFor(event.target);
  if (box) setTimeout(() => document.activeElement !== box.textarea && box.close(), 0);
});
