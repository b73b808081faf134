// Runs in the browser: scrolls the sidebar's own scroll area so the current page's entry is in view (a long folder
// puts it far down); without JavaScript the sidebar simply starts at the top.
const sidebar = document.querySelector<HTMLElement>('.sidebar');
const current = sidebar?.querySelector<HTMLElement>('.tree [aria-current="page"]');
if (sidebar && current && sidebar.scrollHeight > sidebar.clientHeight) {
  const offset = current.getBoundingClientRect().top - sidebar.getBoundingClientRect().top;
  if (offset > sidebar.clientHeight * 0.8) sidebar.scrollTop = offset - sidebar.clientHeight / 3;
}
