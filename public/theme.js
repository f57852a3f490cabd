// Runs before first paint (a blocking file, so the CSP needs no inline script): applies the
// remembered theme, or none so that the system's preference applies.
(function () {
  try {
    var theme = localStorage.getItem('theme');
    if (theme === 'dark' || theme === 'light') document.documentElement.dataset.theme = theme;
  } catch (e) {}
})();
