import { startSessionTimeout } from '/public/session-timeout.js';
import { initAll as initGovuk } from '/vendor/govuk-frontend.min.js';
import { initAll as initMoj } from '/vendor/moj-frontend.min.js';

initGovuk();
initMoj();
startSessionTimeout(document.querySelector('[data-module="hearth-session-timeout"]'));
