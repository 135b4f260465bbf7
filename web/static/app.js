// Script for every page, loaded with <script type="module">. Browsers run it
// after the document is parsed, and only if they support ES modules, which
// GOV.UK Frontend 6 requires for all of its JavaScript.
import { initAll } from './vendor/govuk-frontend.min.js'

// GOV.UK Frontend applies its JavaScript-only styles, and initAll starts
// components, only when <body> has this class. GOV.UK's page template adds it
// with an inline script, which our Content-Security-Policy blocks.
document.body.classList.add('govuk-frontend-supported')

initAll()

// The report's Print button calls the browser's print dialog. Without
// JavaScript it stays hidden and the browser's own Print menu still works.
for (const button of document.querySelectorAll('.app-print-button')) {
  button.hidden = false
  button.addEventListener('click', () => window.print())
}
