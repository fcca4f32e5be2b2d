package org.medclaims.adhoc;

/** One bad field of a request, named as the client wrote it ({@code lines[2].amount}). */
record FieldError(String field, String message) {
}
