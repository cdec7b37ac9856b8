package dev.ticketingwarrior.admission.admin.web;

import dev.ticketingwarrior.admission.throttle.domain.AdmissionSettings;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** {@code PUT /api/v1/admin/admission}: every field is required (a full replacement), each within its range. */
record AdmissionSettingsRequest(
        @NotNull @DecimalMin("0") @DecimalMax("100000") Double ratePerSecond,
        @NotNull @Min(0) @Max(1_000_000) Integer openBatch,
        @NotNull @Min(0) @Max(1_000_000) Integer maxActive,
        @NotNull Boolean paused) {

    AdmissionSettings toSettings() {
        return new AdmissionSettings(ratePerSecond, openBatch, maxActive, paused);
    }

    static AdmissionSettingsRequest of(AdmissionSettings settings) {
        return new AdmissionSettingsRequest(
                settings.ratePerSecond(), settings.openBatch(), settings.maxActive(), settings.paused());
    }
}
