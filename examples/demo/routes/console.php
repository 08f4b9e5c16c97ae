<?php

// The package adds crypto:keys and crypto:reencrypt.
