// Placeholder entry point; the node host (issue 4) replaces it.
return 0;
