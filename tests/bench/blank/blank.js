// Shows the element the bench waits for, as the popup's first draw does, and sets the mark
// popup.js sets after it: opened as the toolbar's popup, this page is that popup's floor.
document.getElementById('ready').hidden = false;
performance.mark('ims-link:popup-drawn');
