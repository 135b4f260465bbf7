// Script for the questionnaire pages, loaded with <script type="module">.
// It keeps a draft of the answers in this browser's localStorage as the
// respondent goes, restores it when the page is opened again, counts the
// statements answered, and deletes the draft once the thank-you page
// loads. The form works without it; nothing reaches the server before the
// form is sent.
//
// A draft holds only the chosen answers and typed comments. The submission
// key and the other hidden fields always come from the page the server
// sent, because a key restored from a draft would make the next person on
// a shared device send a repeat of someone else's answers, which the
// server ignores.

const prefix = 'imhars-q-'

// Each tab's sessionStorage records the key of the form it is sending and,
// once the thank-you page loads, of the form that was stored. A form page
// that carries a stored key is the page someone went Back to after sending.
const sendingPrefix = 'imhars-q-sending-'
const sentPrefix = 'imhars-q-sent-'

// Storage getters throw in some private browsing modes and when disabled.
function storage (kind) {
  try {
    return window[kind]
  } catch {
    return null
  }
}

function readItem (kind, name) {
  try {
    return storage(kind)?.getItem(name) ?? null
  } catch {
    return null
  }
}

function writeItem (kind, name, value) {
  try {
    if (value === null) {
      storage(kind)?.removeItem(name)
    } else {
      storage(kind)?.setItem(name, value)
    }
  } catch {
    // A full or blocked storage only loses the draft, never the form.
  }
}

function readDraft (name) {
  try {
    return JSON.parse(readItem('localStorage', name) ?? 'null')
  } catch {
    return null
  }
}

function writeDraft (name, draft) {
  writeItem('localStorage', name, draft ? JSON.stringify(draft) : null)
}

// draftOf returns the answers and comments in the form, or null when there
// are none.
function draftOf (form) {
  const answers = {}
  const comments = {}
  let any = false
  for (const input of form.querySelectorAll('input[type="radio"]:checked')) {
    answers[input.name] = input.value
    any = true
  }
  for (const textarea of form.querySelectorAll('textarea')) {
    if (textarea.value.trim() !== '') {
      comments[textarea.name] = textarea.value
      any = true
    }
  }
  return any ? { answers, comments } : null
}

// restore fills in the questions left blank on the page from the draft and
// reports whether it filled in any.
function restore (form, draft) {
  let restored = false
  for (const [name, value] of Object.entries(draft.answers ?? {})) {
    const radios = [...form.querySelectorAll('input[type="radio"]')].filter((r) => r.name === name)
    const choice = radios.find((r) => r.value === value)
    if (choice && !radios.some((r) => r.checked)) {
      choice.checked = true
      restored = true
    }
  }
  for (const [name, value] of Object.entries(draft.comments ?? {})) {
    const textarea = form.elements.namedItem(name)
    if (textarea instanceof HTMLTextAreaElement && textarea.value === '') {
      textarea.value = value
      textarea.dispatchEvent(new Event('input'))
      restored = true
    }
  }
  return restored
}

function showProgress (form) {
  const progress = document.getElementById('q-progress')
  if (!progress) return
  const items = form.querySelectorAll('[data-q-item]')
  const answered = [...items].filter((item) => item.querySelector('input:checked')).length
  progress.textContent = `${answered} of ${items.length} answered`
}

function startForm (form) {
  const link = form.dataset.qLink
  const name = prefix + link
  const key = form.elements.key.value
  const restoredBanner = document.getElementById('q-restored')
  const sentBanner = document.getElementById('q-already-sent')

  // wasSent reports whether this form, with its key, reached the thank-you
  // page. Its answers are then never saved as a draft, so that the next
  // person on the device starts blank.
  const wasSent = () => readItem('sessionStorage', sentPrefix + link) === key
  const showSent = () => {
    if (!wasSent()) return
    writeDraft(name, null)
    if (restoredBanner) restoredBanner.hidden = true
    if (sentBanner) sentBanner.hidden = false
  }

  const draft = wasSent() ? null : readDraft(name)
  if (draft && restore(form, draft) && restoredBanner) {
    restoredBanner.hidden = false
  }
  showSent()
  showProgress(form)

  const saveDraft = () => {
    if (!wasSent()) writeDraft(name, draftOf(form))
  }
  form.addEventListener('change', () => {
    saveDraft()
    showProgress(form)
  })
  form.addEventListener('input', saveDraft)
  form.addEventListener('submit', () => writeItem('sessionStorage', sendingPrefix + link, key))

  // A page restored from the back-forward cache runs no script again, so
  // pageshow is the only sign that someone went Back to it.
  window.addEventListener('pageshow', () => {
    showSent()
    showProgress(form)
  })

  // On a shared device the restored answers may be someone else's.
  document.getElementById('q-clear')?.addEventListener('click', () => {
    writeDraft(name, null)
    for (const radio of form.querySelectorAll('input[type="radio"]')) {
      radio.checked = false
    }
    for (const textarea of form.querySelectorAll('textarea')) {
      textarea.value = ''
      textarea.dispatchEvent(new Event('input'))
    }
    showProgress(form)
    if (restoredBanner) restoredBanner.hidden = true
    form.querySelector('input[type="radio"]')?.focus()
  })
}

// finishSending deletes the draft once the thank-you page shows that the
// answers were stored, and records the key that was sent.
function finishSending (link) {
  writeDraft(prefix + link, null)
  const key = readItem('sessionStorage', sendingPrefix + link)
  if (key !== null) {
    writeItem('sessionStorage', sentPrefix + link, key)
    writeItem('sessionStorage', sendingPrefix + link, null)
  }
}

const form = document.querySelector('form[data-q-link]')
if (form) startForm(form)

const sent = document.querySelector('[data-q-sent]')
if (sent) finishSending(sent.dataset.qSent)
