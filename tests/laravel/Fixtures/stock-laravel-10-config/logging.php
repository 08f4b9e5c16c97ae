<?php

// As the skeleton has it.
return require __DIR__.'/../../skeleton/config/logging.php';
