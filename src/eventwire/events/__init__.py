"""Events: CAMEO/PLOVER coding of who did what to whom, when."""
