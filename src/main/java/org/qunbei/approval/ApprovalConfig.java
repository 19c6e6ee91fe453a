package org.qunbei.approval;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties({ApprovalChain.class, StockOpinionDefaults.class})
class ApprovalConfig {}
