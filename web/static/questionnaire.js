// Script for the questionnaire pages, loaded with <script type="module">.
// It keeps a draft of the answers in this browser's localStorage as the
// respondent goes, restores it when the page is opened again, counts the
// statements answered, and deletes the draft once the thank-you page
// loads. The form works without it; nothing reaches the server before the
// form is sent.

const prefix = 'imhars-q-'

// localStorage throws in some private browsing modes and when disabled.
function storage () {
  try {
    return window.localStorage
  } catch {
    return null
  }
}

function readDraft (name) {
  try {
    return JSON.parse(storage()?.getItem(name) ?? 'null')
  } catch {
    return null
  }
}

function writeDraft (name, draft) {
  try {
    if (draft) {
      storage()?.setItem(name, JSON.stringify(draft))
    } else {
      storage()?.removeItem(name)
    }
  } catch {
    // A full or blocked storage only loses the draft, never the form.
  }
}

// draftOf returns the answers and comments in the form, or null when there
// are none. The submission key is kept too, so that sending a restored form
// whose first sending did arrive is recognised as a repeat.
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
  return any ? { key: form.elements.key.value, answers, comments } : null
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
  if (restored && /^[A-Za-z0-9_-]{43}$/.test(draft.key ?? '')) {
    form.elements.key.value = draft.key
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
  const name = prefix + form.dataset.qLink
  const blankKey = form.elements.key.value
  const banner = document.getElementById('q-restored')
  const draft = readDraft(name)

  if (draft && restore(form, draft) && banner) {
    banner.hidden = false
  }
  showProgress(form)

  form.addEventListener('change', () => {
    writeDraft(name, draftOf(form))
    showProgress(form)
  })
  form.addEventListener('input', () => writeDraft(name, draftOf(form)))
  window.addEventListener('pageshow', () => showProgress(form))

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
    form.elements.key.value = blankKey
    showProgress(form)
    if (banner) banner.hidden = true
    form.querySelector('input[type="radio"]')?.focus()
  })
}

const form = document.querySelector('form[data-q-link]')
if (form) startForm(form)

const sent = document.querySelector('[data-q-sent]')
if (sent) writeDraft(prefix + sent.dataset.qSent, null)
