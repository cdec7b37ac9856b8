package dev.ticketingwarrior.booking.sale.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

class OpenSaleRecordTests {

    /** The services' own mapper refuses unknown properties; an open sale a newer version wrote must still be read. */
    private final JsonMapper strict = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    @Test
    void itsReaderPassesOverAFieldANewerVersionAdded() {
        String newer = "{\"bookingId\":\"b-1\",\"ticket\":\"t-1\",\"addedLater\":\"x\"}";

        assertThatThrownBy(() -> strict.readValue(newer, OpenSaleRecord.class)).isInstanceOf(DatabindException.class);
        OpenSaleRecord read = OpenSaleRecord.reader(strict).readValue(newer);
        assertThat(read.bookingId()).isEqualTo("b-1");
        assertThat(read.ticket()).isEqualTo("t-1");
    }
}
