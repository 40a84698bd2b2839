#!/bin/sh
echo "hello from acme-app 1.4.0"
