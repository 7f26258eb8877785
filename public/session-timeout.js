/**
 * The session timeout warning (the GOV.UK and MOJ pattern). A couple of minutes before Hearth
 * would sign the person out for inactivity, a modal dialog says so and counts down; "Stay signed
 * in" extends the session (a POST with the page's CSRF token), and when the time runs out the page
 * signs out. The times come from the dialog's data attributes (the session configuration).
 *
 * Every tab of Hearth shares one clock: each page and each extension writes the time of the last
 * activity to localStorage (a time only, nothing about the person), so a tab left open does not
 * sign out someone who is working in another.
 */
const lastActivityKey = 'hearth.session.lastActivity';

const readLastActivity = () => Number(window.localStorage.getItem(lastActivityKey)) || 0;

function recordActivity(at) {
  window.localStorage.setItem(lastActivityKey, String(Math.max(at, readLastActivity())));
}

/** "2 minutes", "1 minute 5 seconds", "40 seconds". */
export function describeTimeLeft(seconds) {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  const part = (n, unit) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (minutes === 0) return part(rest, 'second');
  return rest === 0 ? part(minutes, 'minute') : `${part(minutes, 'minute')} ${part(rest, 'second')}`;
}

/** What a screen reader hears, less often than the countdown changes: whole minutes, then every 15 seconds. */
function announcementOf(seconds) {
  if (seconds > 60) return describeTimeLeft(Math.ceil(seconds / 60) * 60);
  return describeTimeLeft(Math.max(15, Math.ceil(seconds / 15) * 15));
}

export function startSessionTimeout(dialog) {
  if (!dialog || typeof dialog.showModal !== 'function') return;
  const signOutAfterMs = Number(dialog.dataset.signOutAfterSeconds) * 1000;
  const warnBeforeMs = Number(dialog.dataset.warnBeforeSeconds) * 1000;
  if (!(signOutAfterMs > 0 && warnBeforeMs > 0)) return;
  const countdown = dialog.querySelector('.hearth-timeout-dialog__countdown');
  const announcement = dialog.querySelector('.hearth-timeout-dialog__announcement');
  const extendForm = dialog.querySelector('.hearth-timeout-dialog__extend');
  const signOutForm = dialog.querySelector('.hearth-timeout-dialog__sign-out');
  let timer;
  let returnFocusTo = null;
  let signingOut = false;

  const signOutAt = () => readLastActivity() + signOutAfterMs;

  const close = () => {
    if (!dialog.open) return;
    dialog.close();
    returnFocusTo?.focus?.();
  };

  // Signs out (the session may already have ended, if the timer ran late: then the POST is refused,
  // harmlessly) and shows the sign-in page, which says why.
  const signOut = () => {
    if (signingOut) return;
    signingOut = true;
    const ended = () => window.location.assign('/sign-in?ended=1');
    fetch(signOutForm.action, { method: 'POST', body: new URLSearchParams(new FormData(signOutForm)), redirect: 'manual' }).then(
      ended,
      ended,
    );
  };

  const tick = () => {
    window.clearTimeout(timer);
    const left = signOutAt() - Date.now();
    if (left <= 0) return signOut();
    if (left > warnBeforeMs) {
      close();
      timer = window.setTimeout(tick, left - warnBeforeMs);
      return;
    }
    const seconds = Math.ceil(left / 1000);
    countdown.textContent = describeTimeLeft(seconds);
    const heard = announcementOf(seconds);
    if (announcement.textContent !== heard) announcement.textContent = heard;
    if (!dialog.open) {
      returnFocusTo = document.activeElement;
      dialog.showModal();
    }
    timer = window.setTimeout(tick, left % 1000 || 1000);
  };

  const staySignedIn = async () => {
    const response = await fetch(extendForm.action, {
      method: 'POST',
      body: new URLSearchParams(new FormData(extendForm)),
      headers: { Accept: 'application/json' },
    }).catch(() => null);
    if (!response?.ok) return signOut();
    recordActivity(Date.now());
    tick();
  };

  extendForm.addEventListener('submit', (event) => {
    event.preventDefault();
    staySignedIn();
  });
  // Escape closes a modal dialog: here it means "stay signed in", as in the GOV.UK pattern.
  dialog.addEventListener('cancel', (event) => {
    event.preventDefault();
    staySignedIn();
  });
  window.addEventListener('storage', (event) => {
    if (event.key === lastActivityKey) tick();
  });

  recordActivity(Date.now());
  tick();
}
