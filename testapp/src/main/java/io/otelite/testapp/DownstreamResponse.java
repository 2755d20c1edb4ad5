package io.otelite.testapp;

/** What another service answered. */
record DownstreamResponse(int status, String body) {}
