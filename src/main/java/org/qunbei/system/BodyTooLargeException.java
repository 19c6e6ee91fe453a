package org.qunbei.system;

/** A request body passed its limit while being read (chunked bodies carry no length). */
class BodyTooLargeException extends java.io.IOException {

  final long limit;

  BodyTooLargeException(long limit) {
    super("request body over " + limit + " bytes");
    this.limit = limit;
  }
}
