package ro.cluj.crt.events.interview;

/**
 * The published source an interview was documented from: the basis of its consent to publication, and the
 * attribution to show wherever its data is shown or exported.
 *
 * @param reference   where the record can be read (an address)
 * @param attribution the credit line the source's terms ask for
 * @param licence     the terms under which it is reused
 */
public record PublishedSource(String name, String reference, String attribution, String licence) {
}
