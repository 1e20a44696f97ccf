// Shows the element the bench waits for, as the popup's first draw does.
document.getElementById('ready').hidden = false;
