package io.huiju.model;

/** The fields only one category has. */
public sealed interface Details permits LicenseDetails, PenaltyDetails, ListDetails {}
