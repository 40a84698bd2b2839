export const id = 438;
export const ids = [438];
export const modules = {

/***/ 5438:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CommandRouter: () => (/* binding */ CommandRouter)
/* harmony export */ });
/* harmony import */ var _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8826);
/* harmony import */ var _deploy_actions_action_kit_exec__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2692);
/* harmony import */ var _command_line_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5191);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8294);
/**
 * Any load balancer with a CLI: the user's `switch-command` moves traffic ({colour} gets
 * {weight} percent; {target} is that colour's blue/green setting) and `read-command` prints
 * the live colour, optionally with its share ("green" or "green 10").
 */




class CommandRouter {
    options;
    context;
    type = 'command';
    canSplit;
    description;
    constructor(options, context) {
        this.options = options;
        this.context = context;
        this.canSplit = options.switchCommand.some((word) => /\{weight\}/.test(word));
        this.description = `command ${(0,_command_line_js__WEBPACK_IMPORTED_MODULE_2__/* .formatCommand */ .fE)(options.switchCommand)}`;
    }
    async prepare() {
        return [];
    }
    async read() {
        if (!this.options.readCommand)
            return undefined;
        const result = await this.run(this.options.readCommand);
        const printed = result.stdout.trim();
        const match = /^(blue|green)(?:[\s=:]+(\d{1,3})%?)?\s*$/i.exec(printed.split('\n').pop() ?? '');
        const weight = match?.[2] === undefined ? 100 : Number(match[2]);
        if (!match || weight > 100)
            throw _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz.bad('read-command', printed, 'is not what read-command must print', 'Print the live colour, e.g. "green", or "green 10" while it has 10%.');
        return (0,_types_js__WEBPACK_IMPORTED_MODULE_3__/* .trafficTo */ .lz)(match[1].toLowerCase(), weight);
    }
    async shift(colour, weight) {
        const words = (0,_command_line_js__WEBPACK_IMPORTED_MODULE_2__/* .fillCommand */ .nH)(this.options.switchCommand, {
            colour,
            weight: String(weight),
            target: this.options[colour] ?? colour,
        });
        await this.run(words);
        return `command: ${(0,_command_line_js__WEBPACK_IMPORTED_MODULE_2__/* .formatCommand */ .fE)(words)} (${(0,_types_js__WEBPACK_IMPORTED_MODULE_3__/* .describeTraffic */ .hA)((0,_types_js__WEBPACK_IMPORTED_MODULE_3__/* .trafficTo */ .lz)(colour, weight))})`;
    }
    async run(words) {
        this.context.reporter.info(`$ ${(0,_command_line_js__WEBPACK_IMPORTED_MODULE_2__/* .formatCommand */ .fE)(words)}`);
        const result = await this.context.exec(words[0], words.slice(1), {
            cwd: this.context.cwd,
            timeoutMs: 120_000,
        });
        if (result.code !== 0 || result.timedOut)
            throw new _deploy_actions_action_kit_exec__WEBPACK_IMPORTED_MODULE_1__/* .ExecError */ .cI(result);
        return result;
    }
}


/***/ })

};
