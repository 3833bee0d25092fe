/**
 * Disposal (R44, R45): the job that crypto-shreds content past its retention, deletes the bytes and
 * writes the receipt, skipping anything under a legal hold.
 */
package se.insyn.recording.vault.disposal;
