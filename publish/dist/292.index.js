export const id=292;export const ids=[292];export const modules={3292:(e,t,r)=>{r.r(t),r.d(t,{TomlDate:()=>l,TomlError:()=>n,default:()=>$,parse:()=>C,stringify:()=>S});class n extends Error{line;column;codeblock;constructor(e,t){const[r,n]=
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
function(e,t){let r=e.slice(0,t).split(/\r?\n/);return[r.length,r.pop().length+1]}(t.toml,t.ptr),i=function(e,t,r){let n=e.split(/\r?\n/),i="",a=1+(0|Math.log10(t+1));for(let e=t-1;e<=t+1;e++){let l=n[e-1];l&&(i+=e.toString().padEnd(a," "),i+=":  ",i+=l,i+="\n",e===t&&(i+=" ".repeat(a+r+2),i+="^\n"))}return i}(t.toml,r,n);super(`Invalid TOML document: ${e}\n\n${i}`,t),this.line=r,this.column=n,this.codeblock=i}static x(e,t,r){throw new n(e,{toml:t.s,ptr:r??t.p})}}
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
function i(e){let t=e.p,r=e.s.charCodeAt(e.p++),i=r,a=39===r,l=r===e.s.charCodeAt(e.p)&&r===e.s.charCodeAt(e.p+1);l&&(10===(r=e.s.charCodeAt(e.p+=2))?e.p++:13===r&&10===e.s.charCodeAt(e.p+1)&&(e.p+=2));let o="",s=e.p,c=0;for(;e.p<e.s.length;e.p++)if(r=e.s.charCodeAt(e.p),l&&(10===r||13===r&&10===e.s.charCodeAt(e.p+1)))c=c&&3;else if(r<32&&9!==r||127===r)n.x("control characters are not allowed in strings",e);else{if(!(c&&3!==c||r!==i||l&&(e.s.charCodeAt(e.p+1)!==i||e.s.charCodeAt(e.p+2)!==i))){if(l&&(e.s.charCodeAt(e.p+3)===i&&e.p++,e.s.charCodeAt(e.p+3)===i&&e.p++),!c){let t=e.s.slice(s,e.p);o=o?o+t:t}return e.p+=l?3:1,o}if(c)if(1===c)if(120===r||117===r||85===r){let t=e.p++-1,i=0,a=120===r?2:117===r?4:8;for(let t=0;t<a;t++,e.p++){let t=e.s.charCodeAt(e.p),r=t>=48&&t<=57?t-48:t>=65&&t<=70?t-65+10:t>=97&&t<=102?t-97+10:-1;r<0&&n.x("invalid non-hex character in unicode escape",e),i=i<<4|r}(i<0||i>1114111||i>=55296&&i<=57343)&&n.x("invalid unicode escape",e,t),o+=String.fromCodePoint(i),s=e.p--,c=0}else!l||32!==r&&9!==r?(98===r?o+="\b":116===r?o+="\t":110===r?o+="\n":102===r?o+="\f":114===r?o+="\r":101===r?o+="":34===r?o+='"':92===r?o+="\\":n.x("unrecognised escape sequence",e),s=e.p+1,c=0):c=2;else 32!==r&&9!==r&&(2===c&&n.x("invalid escape: only line-ending whitespace may be escaped",e,s),c=a||92!==r?0:1,s=e.p);else a||92!==r||(o+=e.s.slice(s,s=e.p),c=1)}n.x("unfinished string",e,t)}
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
let a=/^(\d{4}-\d{2}-\d{2})?[Tt ]?(?:(\d{2}):\d{2}(?::\d{2}(?:\.\d+)?)?)?(Z|z|[-+]\d{2}:\d{2})?$/i;class l extends Date{#e=!1;#t=!1;#r=null;constructor(e,t,r){let n,i=!0,l=!0,o="Z";if("string"==typeof e)if(t)e:{if(t<3){if(+e.slice(11,13)>23){e="";break e}2===t?(o=null,e+="Z"):90!==(n=e.charCodeAt(e.length-1))&&122!==n&&(o=e.slice(e.length-6)),r&&(e=e.slice(0,10)+"T"+e.slice(11))}else 4===t&&(e=+e.slice(0,2)>23?"":`0000-01-01T${e}Z`);i=4!==t,l=3!==t}else{let t=e.match(a);t?(t[1]||(i=!1,e=`0000-01-01T${e}`),l=!!t[2],l&&" "===e[10]&&(e=e.replace(" ","T")),t[2]&&+t[2]>23?e="":(o=t[3]||null,!o&&l&&(e+="Z"))):e=""}super(e),isNaN(this.getTime())||(this.#e=i,this.#t=l,this.#r=o)}isDateTime(){return this.#e&&this.#t}isLocal(){return!this.#e||!this.#t||!this.#r}isDate(){return this.#e&&!this.#t}isTime(){return this.#t&&!this.#e}isValid(){return this.#e||this.#t}toISOString(){let e=super.toISOString();if(this.isDate())return e.slice(0,10);if(this.isTime())return e.slice(11,23);if(null===this.#r)return e.slice(0,-1);if("Z"===this.#r||"z"===this.#r)return e;let t=60*+this.#r.slice(1,3)+ +this.#r.slice(4,6);return t="-"===this.#r[0]?t:-t,new Date(this.getTime()-6e4*t).toISOString().slice(0,-1)+this.#r}static wrapAsOffsetDateTime(e,t="Z"){let r=new l(e);return r.#r=t,r}static wrapAsLocalDateTime(e){let t=new l(e);return t.#r=null,t}static wrapAsLocalDate(e){let t=new l(e);return t.#t=!1,t.#r=null,t}static wrapAsLocalTime(e){let t=new l(e);return t.#e=!1,t.#r=null,t}}
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
function o(e,t=10){return 16===t?e>47&&e<58||e>64&&e<71||e>96&&e<103:e>47&&e<48+t}function s(e,t){return 32===e||9===e||10===e||13===e||t&&(e===t||44===e)||35===e}function c(e,t){let r=e.p,a=e.s.charCodeAt(e.p);if(91===a||123===a){e.d--||n.x("document contains excessively nested structures. aborting.",e);let t=91===a?function(e){let t,r=e.p++,i=[];for(;e.p<e.s.length;){if(m(e),93===(t=e.s.charCodeAt(e.p)))return e.p++,i;if(i.push(c(e,93)),m(e),93===(t=e.s.charCodeAt(e.p++)))return i;44!==t&&n.x("expected comma or end of structure",e,e.p-1)}n.x("unfinished array",e,r)}(e):function(e){let t,r=e.p++,i=Object.create(null),a=new Set;for(;e.p<e.s.length;){if(m(e),125===(t=e.s.charCodeAt(e.p)))return e.p++,i;let r,l=i,o=!1,s=e.p,u=g(e);for(let t=0;t<u.length;t++){t&&(l=o?l[r]:l[r]=Object.create(null)),r=u[t],(o=Object.hasOwn(l,r))&&("object"!=typeof l[r]||a.has(l[r]))&&n.x("trying to redefine an already defined value",e,s);let i="__proto__"===r;if(e.uk&&(i||"constructor"===r)){l=1!==e.uk&&n.x("document contains an unsafe property",e,s);break}!o&&i&&Object.defineProperty(l,r,{enumerable:!0,configurable:!0,writable:!0})}o&&n.x("trying to redefine an already defined value",e,s),m(e,!0,!0);let f=c(e,125);if(l&&"object"==typeof(l[r]=f)&&a.add(f),m(e),125===(t=e.s.charCodeAt(e.p++)))return i;44!==t&&n.x("expected comma or end of structure",e,e.p-1)}n.x("unfinished table",e,r)}(e);return e.d++,t}return 34===a||39===a?i(e):116===a?(114===e.s.charCodeAt(++e.p)&&117===e.s.charCodeAt(++e.p)&&101===e.s.charCodeAt(++e.p)||n.x("invalid value",e,r),e.p++,!0):102===a?(97===e.s.charCodeAt(++e.p)&&108===e.s.charCodeAt(++e.p)&&115===e.s.charCodeAt(++e.p)&&101===e.s.charCodeAt(++e.p)||n.x("invalid value",e,r),e.p++,!1):43===a||45===a?u(e,e.p,e.s.charCodeAt(++e.p),44-a,t):45===e.s.charCodeAt(e.p+4)&&45===e.s.charCodeAt(e.p+7)?function(e,t,r){let i,a=e.p++;if(!(o(t)&&o(e.s.charCodeAt(e.p++))&&o(e.s.charCodeAt(e.p++))&&o(e.s.charCodeAt(e.p++))))return u(e,e.p=a,t,0,r);e.p+=5,o(e.s.charCodeAt(e.p++))||n.x("invalid date-time: date part is malformed",e,a);if(e.p>=e.s.length||(32!==(t=e.s.charCodeAt(e.p))||(i=!0,!o(e.s.charCodeAt(e.p+1))))&&84!==t&&116!==t){let t=e.s.slice(a,e.p);return d(e,t,3,!1,a)}58!==e.s.charCodeAt(e.p+=3)&&n.x("invalid date-time: time part is malformed",e,a);58===e.s.charCodeAt(e.p+=3)&&(e.p+=3);if(46===e.s.charCodeAt(e.p))for(;o(e.s.charCodeAt(++e.p)););if(t=e.s.charCodeAt(e.p)){if(90===t||122===t){let t=e.s.slice(a,++e.p);return d(e,t,1,i,a,"[+00:00]")}if(43===t||45===t){let t=e.s.slice(a,e.p+=6);return d(e,t,1,i,a,!e.ld&&"["+e.s.slice(e.p-6,e.p)+"]")}}let l=e.s.slice(a,e.p);return d(e,l,2,i,a)}(e,a,t):58===e.s.charCodeAt(e.p+2)?function(e,t,r){let n=e.p;if(!o(t)||!o(e.s.charCodeAt(++e.p)))return u(e,--e.p,t,0,r);58===e.s.charCodeAt(e.p+=4)&&(e.p+=3);if(46===e.s.charCodeAt(e.p))for(;o(e.s.charCodeAt(++e.p)););let i=e.s.slice(n,e.p);return d(e,i,4,!1,n)}(e,a,t):u(e,e.p,a,0,t)}function u(e,t,r,i,a){let l=r,c=0,u=!1;if(105===l)return 110===e.s.charCodeAt(++e.p)&&102===e.s.charCodeAt(++e.p)||n.x("invalid value",e,t),e.p++,(i||1)/0;if(110===l)return 97===e.s.charCodeAt(++e.p)&&110===e.s.charCodeAt(++e.p)||n.x("invalid value",e,t),e.p++,NaN;if(48===l){if(++e.p>=e.s.length||s(l=e.s.charCodeAt(e.p),a))return!0===e.bi?0n:0;if(!i){if(120===l)return f(e,t,16,a);if(98===l)return f(e,t,2,a);if(111===l)return f(e,t,8,a)}46===l?c=2:101===l||69===l?c=4:n.x("illegal leading zero",e,t)}else o(l)||n.x("invalid value",e,t);for(;++e.p<e.s.length&&(l=e.s.charCodeAt(e.p),!s(l,a));)c||(c=1),95===l?(1&c||n.x("illegal underscore",e),c+=11,u=!0):1===c&&46===l?c=2:1!==c&&3!==c||101!==l&&69!==l?4!==c||43!==l&&45!==l?o(l)?c>9?c-=11:1&c||c++:n.x("illegal character in numeric literal",e):c=6:c=4;if(!c){let t=(r-48)*(i||1);return!0===e.bi?BigInt(t):t}1&c||n.x("unfinished numeric value",e,t);let d=e.s.slice(t,e.p);return u&&(d=d.replaceAll("_","")),c>1?parseFloat(d):p(e,d,10,t)}function f(e,t,r,i){let a,l=1;for(;++e.p<e.s.length&&(a=e.s.charCodeAt(e.p),!s(a,i));)95===a?(1&l&&n.x("illegal underscore",e),l=3):o(a,r)?1&l&&l--:n.x("illegal character in numeric literal",e);1&l&&n.x("unfinished numeric value",e);let c=e.s.slice(t+2,e.p);return l&&(c=c.replaceAll("_","")),p(e,c,r,t)}function p(e,t,r,i){if(!0!==e.bi)e:{let a=parseInt(t,r);if(!Number.isSafeInteger(a)){if(e.bi)break e;n.x("integer value cannot be represented losslessly",e,i)}return a}return 10===r?BigInt(t):BigInt((2===r?"0b":8===r?"0o":"0x")+t)}function d(e,t,r,i,a,o){if(e.ld){let o=new l(t,r,i);return o.isValid()||n.x("invalid date",e,a),o}try{switch(o&&(t+=o),r){case 1:return Temporal.ZonedDateTime.from(t);case 2:return Temporal.PlainDateTime.from(t);case 3:return Temporal.PlainDate.from(t);case 4:return Temporal.PlainTime.from(t)}}catch(t){n.x(t instanceof Error?t.message:""+t,e,a)}}
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
function h(e){for(;e.p<e.s.length;e.p++){let t=e.s.charCodeAt(e.p);if(10===t)break;if(13===t&&10===e.s.charCodeAt(e.p+1)){e.p++;break}(t<32&&9!==t||127===t)&&n.x("control characters are not allowed in comments",e)}}function m(e,t,r){let n;for(;e.p<e.s.length;){for(;e.p<e.s.length&&(32===(n=e.s.charCodeAt(e.p))||9===n||!t&&(10===n||13===n&&10===e.s.charCodeAt(e.p+1)));)e.p++;if(r||35!==n)break;h(e)}}
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
function g(e,t=61){let r,a,l=0,o=[],s=e.s.charCodeAt(r=e.p);do{if(s===t)return l||n.x("unexpected end of key",e),1===l&&o.push(e.s.slice(a,e.p)),e.p++,o;46===s?(l||n.x("illegal empty bare key",e),1===l&&o.push(e.s.slice(a,e.p)),l=0):l||34!==s&&39!==s?32===s||9===s?1===l&&(o.push(e.s.slice(a,e.p)),l=2):2===l||s<48&&45!==s||s>57&&s<65||s>90&&s<97&&95!==s||s>122?n.x("illegal character in key",e):l||(l=1,a=e.p):(s===e.s.charCodeAt(e.p+1)&&s===e.s.charCodeAt(e.p+2)&&n.x("illegal quoted key: multiline strings are not allowed",e),o.push(i(e)),l=2,e.p--)}while(s=e.s.charCodeAt(++e.p));n.x("incomplete key-value: cannot find end of key",e,r)}
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
function A(e,t,r,n,i){let a,l,o=r,s=n,c=!1;for(let r=0;r<t.length;r++){if(r){if(o=c?o[a]:o[a]=Object.create(null),s=(l=s[a]).c,0===i&&(1===l.t||2===l.t))return null;if(2===l.t){let e=o.length-1;o=o[e],s=s[e].c}}if(a=t[r],(c=Object.hasOwn(o,a))&&0===s[a]?.t&&s[a]?.d)return null;if(!c){let n="__proto__"===a;if(e.uk&&(n||"constructor"===a))return!1;n&&(Object.defineProperty(o,a,{enumerable:!0,configurable:!0,writable:!0}),Object.defineProperty(s,a,{enumerable:!0,configurable:!0,writable:!0})),s[a]={t:r<t.length-1&&2===i?3:i,d:!1,i:0,c:Object.create(null)}}}if(l=s[a],l.t!==i&&(1!==i||3!==l.t))return null;if(2===i&&(l.d||(l.d=!0,o[a]=[]),o[a].push(o=Object.create(null)),l.c[l.i++]=l={t:1,d:!1,i:0,c:Object.create(null)}),l.d)return null;if(l.d=!0,1===i)o=c?o[a]:o[a]=Object.create(null);else if(0===i&&c)return null;return[a,o,l.c]}function b(e,t,r){null!==t&&2!==e.uk||n.x(null===t?"trying to redefine an already defined table or value":"document contains an unsafe property",e,r)}function C(e,t={}){let r,i={s:e,p:0,d:t.maxDepth??1e3,bi:t.integersAsBigInt??!1,ld:t.useLegacyDate??!0,uk:"throw"===t.unsafeKeyBehaviour?2:"drop"===t.unsafeKeyBehaviour?1:0},a=Object.create(null),l=Object.create(null),o=!1,s=a,u=l;for(65279===e.charCodeAt(0)&&i.p++,m(i);i.p<e.length;){if(91===e.charCodeAt(i.p)){let t=91===e.charCodeAt(++i.p);r=i.p+=+t,o=!1;let c=g(i,93);t&&(93!==e.charCodeAt(i.p)&&n.x("expected end of table array declaration",i),i.p++);let f=A(i,c,a,l,t?2:1);f?(u=f[2],s=f[1]):(b(i,f,r),o=!0)}else{r=i.p;let e=A(i,g(i),s,u,0);e||o||b(i,e,r),m(i,!0,!0);let t=c(i,void 0);e&&!o&&(e[1][e[0]]=t)}m(i,!0),i.p<e.length&&10!==(r=e.charCodeAt(i.p))&&(13!==r||10!==e.charCodeAt(i.p+1))&&n.x("each key-value declaration must be followed by an end-of-line",i),m(i)}return a}
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
let x=/^[a-z0-9-_]+$/i,T=!!"".isWellFormed;function y(e){let t=typeof e;if("object"===t){if(Array.isArray(e))return"array";if("function"==typeof e.getUTCDate&&e instanceof Date)return"date";if(globalThis.Temporal)if(e.until){if(e instanceof Temporal.ZonedDateTime)return"temporal/tz+uc";if(e instanceof Temporal.PlainDateTime||e instanceof Temporal.PlainDate)return"temporal/uc";if(e instanceof Temporal.PlainTime||e instanceof Temporal.Instant)return"temporal";if(e instanceof Temporal.PlainYearMonth)return"temporal/x"}else if(e.toPlainDate&&e instanceof Temporal.PlainMonthDay||e.negated&&e instanceof Temporal.Duration)return"temporal/x"}return t}function w(e){for(let t=0;t<e.length;t++)if("object"!==y(e[t]))return!1;return 0!=e.length}function v(e){return JSON.stringify(e).replaceAll("","\\u007f")}function j(e){if(x.test(e))return e;if(T&&!e.isWellFormed())throw new RangeError("key contains illegal lone surrogates");return v(e)}function D(e,t,r,n,i){if(0===r)throw new Error("Could not stringify the object: maximum object depth exceeded");switch(t){case"number":if(isNaN(e))return"nan";if(e===1/0)return"inf";if(e===-1/0)return"-inf";if(Number.isInteger(e)&&(n||!Number.isSafeInteger(e)))return e.toFixed(1);case"bigint":case"boolean":case"temporal":return e.toString();case"string":return a=e,v(T?a.toWellFormed():a);case"date":if(isNaN(e.getTime()))throw new TypeError("cannot serialize invalid date");return e.toISOString();case"object":return function(e,t,r,n){let i=Object.keys(e);if(0===i.length)return"{}";let a="{ ";for(let l=0;l<i.length;l++){let o=i[l];l&&(a+=", "),a+=j(o)+" = "+D(e[o],y(e[o]),t-1,r,n)}return a+" }"}(e,r,n,i);case"array":return function(e,t,r,n){if(0===e.length)return"[]";let i="[ ";for(let a=0;a<e.length;a++){if(a&&(i+=", "),null===e[a]||void 0===e[a])throw new TypeError("arrays cannot contain null or undefined values");i+=D(e[a],y(e[a]),t-1,r,n)}return i+" ]"}(e,r,n,i);case"temporal/tz+uc":if(i){let t=e.timeZoneId,r=t.charCodeAt(0);if(43!==r&&45!==r&&(85!==r&&71!==r&&90!==r&&69!==r||"UTC"!==t&&"UCT"!==t&&"Universal"!==t&&"Zulu"!==t&&!t.startsWith("GMT")&&"Greenwich"!==t&&!t.startsWith("Etc/")))throw new TypeError("Temporal objects with an IANA timezone are not allowed in Temporal strict mode")}case"temporal/uc":if(i&&"iso8601"!==e.calendarId)throw new TypeError("Temporal objects with a non-default calendar are not allowed in Temporal strict mode");return e.toString({calendarName:"never",timeZoneName:"never"});case"temporal/x":throw new TypeError("Unsupported "+e[Symbol.toStringTag])}var a}function O(e,t,r,n,i){if(0===r)throw new Error("Could not stringify the object: maximum object depth exceeded");let a="";for(let l=0;l<e.length;l++)a+=`${a&&"\n"}[[${t}]]\n`,a+=k(0,e[l],t,r,n,i);return a}function k(e,t,r,n,i,a){if(0===n)throw new Error("Could not stringify the object: maximum object depth exceeded");let l="",o="",s=Object.keys(t);for(let e=0;e<s.length;e++){let c=s[e];if(null!==t[c]&&void 0!==t[c]){let e=y(t[c]);if("symbol"===e||"function"===e)throw new TypeError(`cannot serialize values of type '${e}'`);let s=j(c);if("array"===e&&w(t[c]))o+=(o&&"\n")+O(t[c],r?`${r}.${s}`:s,n-1,i,a);else if("object"===e){let e=r?`${r}.${s}`:s;o+=(o&&"\n")+k(e,t[c],e,n-1,i,a)}else l+=s,l+=" = ",l+=D(t[c],e,n,i,a),l+="\n"}}return!e||!l&&o||(l=l?`[${e}]\n${l}`:`[${e}]`),l&&o?`${l}\n${o}`:l||o}function S(e,{maxDepth:t=1e3,numbersAsFloat:r=!1,strictTemporal:n=!1}={}){if("object"!==y(e))throw new TypeError("stringify can only be called with an object");let i=k(0,e,"",t,r,n);return"\n"!==i[i.length-1]?i+"\n":i}
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */const $={parse:C,stringify:S,TomlDate:l,TomlError:n}}};