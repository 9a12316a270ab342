// The staff dashboard's only script, no build step. It refetches the live figures every 5 seconds (while the tab is
// visible) and wires print buttons; everything works without it, only less fresh.
(() => {
  'use strict';
  const live = document.querySelector('[data-live]');
  if (live) {
    let busy = false;
    setInterval(async () => {
      if (busy || document.hidden) return;
      busy = true;
      try {
        const response = await fetch(live.dataset.live, { credentials: 'same-origin', headers: { Accept: 'text/html' } });
        if (response.status === 401) { location.reload(); return; }
        if (response.ok) {
          // Keep open tables open across refreshes.
          const open = [...live.querySelectorAll('details')].map((d) => d.open);
          live.innerHTML = await response.text();
          live.querySelectorAll('details').forEach((d, i) => { d.open = open[i] || false; });
        }
      } catch { /* offline for a moment: try again next time */ } finally { busy = false; }
    }, 5000);
  }
  document.querySelectorAll('[data-print]').forEach((b) => b.addEventListener('click', () => window.print()));
})();
