<?php

// As in examples/demo.
return require __DIR__.'/../../../../examples/demo/config/database.php';
