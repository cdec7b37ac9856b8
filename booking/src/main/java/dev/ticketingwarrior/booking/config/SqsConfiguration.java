package dev.ticketingwarrior.booking.config;

import io.awspring.cloud.autoconfigure.sqs.SqsAsyncClientCustomizer;
import io.awspring.cloud.sqs.config.SqsMessageListenerContainerFactory;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.core.client.config.SdkAdvancedAsyncClientOption;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Explicit SQS call timeouts. The listener's long polls (up to 20 s) share this client, so the client-wide limit sits
 * above them; a booking's send is bounded much tighter by {@code ticketing.queue.send-timeout} where it waits.
 *
 * <p>Threads: the SDK's default hands every completed call from its Netty event loop to a separate
 * {@code sdk-async-response} pool, a thread switch per call that costs more than the callbacks themselves (they only
 * complete futures: the batcher's next send, the listener container's hand-over to its own threads). Those callbacks
 * therefore run on the event loop, and one event-loop thread carries the few connections booking keeps to SQS.
 *
 * <p>Received messages: the listener container asks SQS for every system attribute of each message by default (sender,
 * timestamps, …) and maps each into a message header; the confirmation listener reads only the body, so it asks for
 * the receive count alone (kept for diagnosis), which makes each receive smaller to parse on both sides. (Booking
 * sends no message attributes, so asking for "All" of those costs nothing.)
 */
@Configuration(proxyBeanMethods = false)
class SqsConfiguration {

    @Bean
    SqsAsyncClientCustomizer sqsTimeouts(BookingProperties properties) {
        Duration longPoll = Duration.ofSeconds(20);
        Duration send = properties.queue().sendTimeout();
        return builder -> builder.overrideConfiguration(
                        override -> override.apiCallTimeout(longPoll.plus(send).plusSeconds(5))
                                .apiCallAttemptTimeout(longPoll.plus(send)))
                .asyncConfiguration(async ->
                        async.advancedOption(SdkAdvancedAsyncClientOption.FUTURE_COMPLETION_EXECUTOR, Runnable::run))
                .httpClientBuilder(NettyNioAsyncHttpClient.builder()
                        .eventLoopGroupBuilder(SdkEventLoopGroup.builder().numberOfThreads(1)));
    }

    @Bean
    static BeanPostProcessor sqsListenerAttributes() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof SqsMessageListenerContainerFactory<?> factory) {
                    factory.configure(options -> options.messageSystemAttributeNames(
                            List.of(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)));
                }
                return bean;
            }
        };
    }
}
