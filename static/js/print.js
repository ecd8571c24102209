// The reading page's « Imprimer » button, and its annotations printed as numbered notes: a
// number after each annotated passage, the notes listed after each text, removed once
// printed. Without JavaScript the button stays hidden; the browser's own print still works,
// without the notes. The notes are those the reader sees, from the page's annotation API.

const button = document.querySelector("[data-print]");
const panel = document.getElementById("annotation-panel");
let notes = null; // annotation pk -> its `ccfd` record, once fetched

async function loadNotes() {
  if (notes || !panel?.dataset.listUrl) return;
  try {
    const response = await fetch(panel.dataset.listUrl, {
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    });
    if (response.ok) {
      const data = await response.json();
      notes = new Map(data.annotations.map((annotation) => [annotation.ccfd.pk, annotation.ccfd]));
    }
  } catch {
    // No notes in print then: the text still prints.
  }
}

function removeNotes() {
  for (const element of document.querySelectorAll("[data-print-added]")) element.remove();
}

function addNotes() {
  removeNotes();
  if (!notes) return;
  let number = 0;
  for (const body of document.querySelectorAll("[data-annotation-target]")) {
    // The last mark of each annotation (a passage may cross several elements), in the
    // order their passages start.
    const last = new Map();
    for (const mark of body.querySelectorAll("mark.annotation-highlight[data-annotation-id]")) {
      last.set(Number(mark.dataset.annotationId), mark);
    }
    const list = document.createElement("ol");
    list.className = "print-notes";
    list.dataset.printAdded = "";
    for (const [pk, mark] of last) {
      const note = notes.get(pk);
      if (!note) continue;
      number += 1;
      const ref = document.createElement("sup");
      ref.className = "print-note-ref";
      ref.dataset.printAdded = "";
      ref.textContent = String(number);
      mark.after(ref);
      const item = document.createElement("li");
      item.value = number;
      item.textContent = note.note ? `${note.author} — ${note.note}` : note.author;
      list.append(item);
    }
    if (list.childElementCount) body.after(list);
  }
}

if (button) {
  button.hidden = false;
  button.addEventListener("click", async () => {
    await loadNotes();
    addNotes();
    window.print();
  });
}
// Printing from the browser's menu: the notes already fetched, if any.
window.addEventListener("beforeprint", () => {
  if (!document.querySelector("[data-print-added]")) addNotes();
});
window.addEventListener("afterprint", removeNotes);
