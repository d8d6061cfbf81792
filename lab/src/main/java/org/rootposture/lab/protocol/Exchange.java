package org.rootposture.lab.protocol;

/** The request a protocol answers: the operation it names and the id of the request. */
public interface Exchange {

    /** The operation, such as {@code GetAccountSummary}. */
    String operation();

    /** The request id the answer carries. */
    String requestId();
}
