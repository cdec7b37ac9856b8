package dev.ticketingwarrior.edge;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code ticketing.edge.*}: the largest request body a service reads (SPEC §9: 16 KB). Larger bodies are refused with
 * 413 before they are decoded.
 */
@ConfigurationProperties("ticketing.edge")
public record EdgeProperties(@DefaultValue("16KB") DataSize maxBodySize) {}
