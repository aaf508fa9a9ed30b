// Added by a host page that embeds the widget as an iframe (see the README): sets each
// Partnership Scorecard frame's height to what its page reports, so the frame has no scrollbar.
window.addEventListener('message', (event) => {
  const height = event.data && event.data.partnershipScorecardHeight;
  if (typeof height !== 'number' || !(height > 0)) return;
  for (const frame of document.querySelectorAll('iframe')) {
    if (frame.contentWindow === event.source) frame.style.height = `${Math.min(height, 100000)}px`;
  }
});
