// Progressive enhancement for the public pages: served as a file (the CSP allows no inline script), it
// marks the page as JavaScript-capable and starts the GOV.UK Frontend components (e.g. the mobile menu).
import { initAll } from './govuk-frontend.min.js'

document.body.classList.add('js-enabled', 'govuk-frontend-supported')
initAll()
