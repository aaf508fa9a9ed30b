// The iframe variant of the widget. Options come from the frame's address
// (?instrument=…&role=…&theme=dark) instead of data attributes; the page's height is reported to
// the host page, whose host.js sizes the frame so it never needs a scrollbar of its own.
const widget = document.querySelector('[data-partnership-scorecard]');
const options = new URLSearchParams(location.search);
for (const name of ['instrument', 'role', 'theme']) {
  const value = options.get(name);
  if (value) widget.setAttribute(`data-${name}`, value);
}
const report = () => parent.postMessage(
  { partnershipScorecardHeight: Math.ceil(document.documentElement.getBoundingClientRect().height) },
  '*', // Only a height is sent, never an answer: any host page may receive it.
);
new ResizeObserver(report).observe(document.documentElement);
await import('../boot.js');
