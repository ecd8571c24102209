// The synthesis editor's citation picker: « Citer » inserts a contribution's reference
// ([[c:12]]) where the cursor is in the text, and the filter narrows the list as one types.
// Keyboard: Tab to a « Citer » button and Enter; from the filter, ArrowDown goes to the
// first contribution shown and Enter cites it. Without JavaScript the buttons and the
// filter stay hidden and each reference is there to be typed or copied.

const picker = document.querySelector("[data-synthesis-picker]");
const body = document.querySelector("[data-synthesis-body]");

function insert(ref) {
  const start = body.selectionStart ?? body.value.length;
  const end = body.selectionEnd ?? start;
  const before = body.value.slice(0, start);
  // A space between a word and the reference, so "[[c:12]]" never glues to it.
  const text = before && !/\s$/.test(before) ? ` ${ref}` : ref;
  body.setRangeText(text, start, end, "end");
  body.dispatchEvent(new Event("input", { bubbles: true }));
  body.focus();
  const status = picker.querySelector("[data-picker-status]");
  if (status) status.textContent = `${status.dataset.inserted} ${ref}`;
}

function shownItems() {
  return [...picker.querySelectorAll("[data-picker-item]")].filter((item) => !item.hidden);
}

function filter(query) {
  const words = query.toLocaleLowerCase().normalize("NFD").replace(/\p{Diacritic}/gu, "");
  for (const item of picker.querySelectorAll("[data-picker-item]")) {
    const text = item.textContent.toLocaleLowerCase().normalize("NFD").replace(/\p{Diacritic}/gu, "");
    item.hidden = !words.split(/\s+/).every((word) => text.includes(word));
  }
}

if (picker && body) {
  for (const button of picker.querySelectorAll("button[data-ref]")) {
    button.hidden = false;
    button.addEventListener("click", () => insert(button.dataset.ref));
  }
  const search = picker.querySelector("[data-picker-search]");
  const input = search?.querySelector("input");
  if (search && input) {
    search.hidden = false;
    input.addEventListener("input", () => filter(input.value.trim()));
    input.addEventListener("keydown", (event) => {
      const first = shownItems()[0]?.querySelector("button[data-ref]");
      if (!first) return;
      if (event.key === "ArrowDown") {
        event.preventDefault();
        first.focus();
      } else if (event.key === "Enter") {
        event.preventDefault();
        insert(first.dataset.ref);
      }
    });
  }
}
